import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DAYS, rowsPerDay } from './calendar.js';
import { ChunkedWriter, csvLine } from './csv-writer.js';
import { manifest } from './manifest.js';
import { Random } from './random.js';
import { loadReference } from './reference.js';
import { type PlannedFlow, type PlannedLeg, planDecoys, planRoutes } from './routes.js';
import {
  ORGANIZATION_HEADER,
  SHIPMENT_HEADER,
  type ShipmentRow,
  recordId,
  shipmentLine,
} from './shipment.js';
import { BackgroundTrade, GoodsPicker } from './trade.js';
import { type World, buildWorld, organizationFields } from './world.js';

export interface GenerateOptions {
  shipments: number;
  seed: number;
  out: string;
  /** Written as `generatedAt` in the manifest (default: now); the only field that varies by run. */
  now?: Date;
  /**
   * Every party written by its registered name, not by one of its spellings: the same trade, for
   * measuring route detection apart from name resolution (the random draws are the same).
   */
  canonicalNames?: boolean;
}

export interface GenerateSummary {
  out: string;
  files: { name: string; bytes: number }[];
  shipments: number;
  organizations: number;
  routes: number;
  decoys: number;
  seconds: number;
}

/** How big the world is for a number of shipments: about one organization per ten shipments. */
export function planSizes(shipments: number) {
  const flows =
    shipments >= 200 ? Math.max(5, Math.round(shipments / 20_000)) : Math.floor(shipments / 40);
  return {
    organizations: Math.max(80, Math.round(shipments / 10)),
    fronts: Math.max(12, 3 * flows),
    routes: flows,
    decoys: flows,
  };
}

/**
 * Writes `shipments.csv`, `organizations.csv` and `manifest.json` into `out`: a synthetic world,
 * its background trade, planted re-export routes and decoys. Same seed and size, same bytes.
 */
export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const { shipments, seed, out } = options;
  const random = new Random(seed);
  const sizes = planSizes(shipments);
  const reference = loadReference();
  const world = buildWorld(reference, sizes, random.fork('world'));
  const goods = new GoodsPicker(reference, world, random.fork('goods'));
  const routes = planRoutes(world, goods, sizes.routes, random.fork('routes'));
  const decoys = planDecoys(world, goods, sizes.decoys, routes, random.fork('decoys'));

  await mkdir(out, { recursive: true });
  const files = [
    {
      name: 'organizations.csv',
      bytes: await writeOrganizations(path.join(out, 'organizations.csv'), world),
    },
    {
      name: 'shipments.csv',
      bytes: await writeShipments(path.join(out, 'shipments.csv'), options, world, goods, [
        ...routes,
        ...decoys,
      ]),
    },
  ];
  const text = JSON.stringify(
    manifest({
      seed,
      shipments,
      world,
      routes,
      decoys,
      generatedAt: options.now ?? new Date(),
      random: random.fork('manifest'),
    }),
    null,
    2,
  );
  await writeFile(path.join(out, 'manifest.json'), text + '\n');
  files.push({ name: 'manifest.json', bytes: Buffer.byteLength(text) + 1 });
  return {
    out,
    files,
    shipments,
    organizations: world.organizations.length,
    routes: routes.length,
    decoys: decoys.length,
    seconds: (performance.now() - started) / 1000,
  };
}

async function writeOrganizations(file: string, world: World): Promise<number> {
  const writer = new ChunkedWriter(file);
  writer.push(csvLine(ORGANIZATION_HEADER));
  for (const org of world.organizations)
    if (writer.push(csvLine(organizationFields(org)))) await writer.flush();
  return writer.close();
}

/**
 * Streams the shipments in date order: each day's planted legs, then that day's background lines.
 * Record ids follow file order; the planted legs learn theirs for the manifest.
 */
async function writeShipments(
  file: string,
  { shipments, seed, canonicalNames }: GenerateOptions,
  world: World,
  goods: GoodsPicker,
  flows: PlannedFlow[],
): Promise<number> {
  const planned: PlannedLeg[] = flows
    .flatMap((flow) => flow.legs)
    .sort((a, b) => a.row.day - b.row.day);
  if (planned.length > shipments)
    throw new Error(`${planned.length} planted lines do not fit in ${shipments}`);
  const perDay = rowsPerDay(shipments - planned.length);
  const written = (row: ShipmentRow): ShipmentRow =>
    canonicalNames
      ? { ...row, exporterName: row.exporter.variants[0], importerName: row.importer.variants[0] }
      : row;
  const background = new BackgroundTrade(world, goods, new Random(seed, 'background'));
  const writer = new ChunkedWriter(file);
  writer.push(csvLine(SHIPMENT_HEADER));
  let sequence = 0;
  let next = 0;
  for (let day = 0; day < DAYS; day++) {
    for (; next < planned.length && planned[next].row.day === day; next++) {
      const leg = planned[next];
      leg.row = written(leg.row); // the manifest says what the file writes
      leg.sourceRecordId = recordId(seed, ++sequence);
      if (writer.push(shipmentLine(leg.sourceRecordId, leg.row))) await writer.flush();
    }
    for (let i = perDay[day]; i > 0; i--)
      if (writer.push(shipmentLine(recordId(seed, ++sequence), written(background.next(day)))))
        await writer.flush();
  }
  if (next < planned.length) throw new Error('a planted leg falls outside 2021–2025');
  return writer.close();
}

const megabytes = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;

/** The one-line summary the command prints. */
export function describeSummary(summary: GenerateSummary): string {
  const files = summary.files.map((f) => `${f.name} ${megabytes(f.bytes)}`).join(', ');
  return (
    `wrote ${summary.shipments.toLocaleString('en-US')} shipments, ` +
    `${summary.organizations.toLocaleString('en-US')} organizations, ${summary.routes} planted routes and ` +
    `${summary.decoys} decoys to ${summary.out} (${files}) in ${summary.seconds.toFixed(1)} s`
  );
}
