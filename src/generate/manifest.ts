import { dateOf } from './calendar.js';
import type { Random } from './random.js';
import type { PlannedFlow } from './routes.js';
import { dollars } from './shipment.js';
import type { Organization, World } from './world.js';

const party = (org: Organization, writtenAs: string) => ({
  name: org.name,
  country: org.country,
  writtenAs,
});

/** A planted route or decoy as the manifest states it: what route detection is measured against. */
export function describeFlow(flow: PlannedFlow) {
  const first = flow.legs[0].row.day;
  const last = flow.legs[flow.legs.length - 1].row.day;
  const { part, hs, originCountry, maker } = flow.goods;
  return {
    id: flow.id,
    shape: flow.shape,
    path: flow.path.map((step) => ({
      role: step.role,
      name: step.org?.name ?? null,
      country: step.country,
    })),
    goods: {
      partNumber: part?.partNumber ?? null,
      hsCode: hs.code,
      chplTier: hs.tier,
      manufacturer: maker?.name ?? null,
      originCountry,
    },
    window: { from: dateOf(first), to: dateOf(last), days: last - first },
    valueUsd: dollars(flow.legs.reduce((sum, { row }) => sum + row.quantity * row.unitCents, 0)),
    legs: flow.legs.map((leg, i) => ({
      position: i + 1,
      sourceRecordId: leg.sourceRecordId ?? null,
      shippedOn: dateOf(leg.row.day),
      arrivesOn: dateOf(leg.arrivesDay),
      exporter: party(leg.row.exporter, leg.row.exporterName),
      importer: party(leg.row.importer, leg.row.importerName),
      quantity: leg.row.quantity,
      valueUsd: dollars(leg.row.quantity * leg.row.unitCents),
    })),
  };
}

/**
 * Up to `size` names as shipments write them, each with the organization it stands for: the ground
 * truth for measuring name screening (the design's batch of 1,000 names).
 */
export function screeningSample(world: World, random: Random, size = 1000) {
  const fictional = world.organizations.filter(
    (o) => o.kind !== 'MANUFACTURER' && o.variants.length > 1,
  );
  return random
    .shuffle(fictional.slice())
    .slice(0, size)
    .map((org) => ({
      writtenAs: random.pick(org.variants.slice(1)),
      country: org.country,
      name: org.name,
    }));
}

export interface ManifestInput {
  seed: number;
  shipments: number;
  world: World;
  routes: PlannedFlow[];
  decoys: PlannedFlow[];
  generatedAt: Date;
  random: Random;
}

export function manifest({
  seed,
  shipments,
  world,
  routes,
  decoys,
  generatedAt,
  random,
}: ManifestInput) {
  return {
    seed,
    shipments,
    organizations: world.organizations.length,
    generatedAt: generatedAt.toISOString(),
    synthetic: true,
    note:
      'Synthetic data for benchmarks and demos. The manufacturers and their parts are real (public ' +
      'parts list of data/shahed-components.csv); every other organization, every name variant and ' +
      'every shipment is invented, and the Russian INNs carry a wrong check digit on purpose.',
    plantedRoutes: routes.map(describeFlow),
    decoys: decoys.map(describeFlow),
    screeningSample: screeningSample(world, random),
  };
}
