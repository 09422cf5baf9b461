import { DAYS, dayOf } from './calendar.js';
import { DESTINATION_COUNTRIES } from './countries.js';
import { quantity, unitCents } from './goods.js';
import type { Random } from './random.js';
import type { Goods, ShipmentRow } from './shipment.js';
import { type GoodsPicker, shipmentRow } from './trade.js';
import type { Organization, World } from './world.js';

export type PathRole = 'MAKER' | 'ORIGIN' | 'INTERMEDIARY' | 'DESTINATION' | 'BUYER';

export interface PathStep {
  role: PathRole;
  /** Null for an ORIGIN step: the goods' coalition country of origin, no party known. */
  org: Organization | null;
  country: string;
}

export interface PlannedLeg {
  row: ShipmentRow;
  /** When the goods reach the importer; the next leg leaves after it. */
  arrivesDay: number;
  sourceRecordId?: string;
}

/** A planted re-export route, or a decoy: legitimate trade of the same shape. */
export interface PlannedFlow {
  id: string;
  kind: 'ROUTE' | 'DECOY';
  /** `MAKER_2_INTERMEDIARIES`, `HUB_TO_OTHER_BUYER/ORIGIN_1_INTERMEDIARY`, ... */
  shape: string;
  path: PathStep[];
  goods: Goods;
  legs: PlannedLeg[];
}

/** The longest a planted chain may take, first leg to last, in days. */
export const ROUTE_WINDOW_DAYS = 180;
/** Planted routes start after the sanctions of 2022. */
const ROUTES_FROM = dayOf('2022-03-01');

const shapeOf = (fromMaker: boolean, hops: number) =>
  `${fromMaker ? 'MAKER' : 'ORIGIN'}_${hops}_${hops === 1 ? 'INTERMEDIARY' : 'INTERMEDIARIES'}`;

/**
 * Re-export routes to RU/BY/IR: a coalition maker (or coalition goods whose maker leg is not in the
 * data) → 1–3 hub intermediaries, mostly new fronts, sometimes a large distributor first → an importer.
 * Legs follow each other: a leg leaves the intermediary after the previous one arrived there.
 */
export function planRoutes(
  world: World,
  goods: GoodsPicker,
  count: number,
  random: Random,
): PlannedFlow[] {
  return Array.from({ length: count }, (_, i) => {
    const hops = random.weighted([
      [1, 45],
      [2, 35],
      [3, 20],
    ]);
    const fromMaker = random.chance(0.7);
    const country = random.weighted(DESTINATION_COUNTRIES);
    const destination = (world.importersIn.get(country) ?? world.importers).pick(random);
    const intermediaries = chain(random, hops, (position) =>
      position === 0 && random.chance(0.35)
        ? world.distributors.pick(random)
        : random.pick(world.routeFronts),
    );
    return plan(random, goods, {
      id: `ROUTE-${String(i + 1).padStart(3, '0')}`,
      kind: 'ROUTE',
      shape: shapeOf(fromMaker, hops),
      maker: fromMaker ? coalitionMaker(world, random) : null,
      intermediaries,
      end: { role: 'DESTINATION', org: destination, country: destination.country },
      dwell: [2, 40],
      from: ROUTES_FROM,
    });
  });
}

/**
 * Decoys: a coalition maker sells to a hub distributor (or a new hub trader) who sells on to an
 * ordinary buyer elsewhere (Vietnam, Brazil...) or back to a partner country. No party of a planted
 * route takes part, so decoys and routes do not share legs.
 */
export function planDecoys(
  world: World,
  goods: GoodsPicker,
  count: number,
  routes: PlannedFlow[],
  random: Random,
): PlannedFlow[] {
  const onRoutes = new Set(routes.flatMap((r) => r.path.map((step) => step.org)));
  const hub = () => {
    for (let i = 0; i < 20; i++) {
      const org = random.chance(0.4)
        ? random.pick(world.decoyFronts)
        : world.distributors.pick(random);
      if (!onRoutes.has(org)) return org;
    }
    return random.pick(world.decoyFronts);
  };
  return Array.from({ length: count }, (_, i) => {
    const toPartner = random.chance(0.4);
    const hops = random.chance(0.7) ? 1 : 2;
    const fromMaker = random.chance(0.75);
    const buyer = (toPartner ? world.partnerBuyers : world.otherBuyers).pick(random);
    const kind = toPartner ? 'HUB_TO_PARTNER_BUYER' : 'HUB_TO_OTHER_BUYER';
    return plan(random, goods, {
      id: `DECOY-${String(i + 1).padStart(3, '0')}`,
      kind: 'DECOY',
      shape: `${kind}/${shapeOf(fromMaker, hops)}`,
      maker: fromMaker ? coalitionMaker(world, random) : null,
      intermediaries: chain(random, hops, hub),
      end: { role: 'BUYER', org: buyer, country: buyer.country },
      dwell: [5, 75],
      from: dayOf('2021-01-04'),
    });
  });
}

/** A manufacturer in a coalition country, drawn by the makers' weights. */
function coalitionMaker(world: World, random: Random): Organization {
  for (let i = 0; i < 100; i++) {
    const maker = world.makers.pick(random);
    if (world.partners.has(maker.country)) return maker;
  }
  throw new Error('no coalition manufacturer in the parts list');
}

/** `hops` distinct intermediaries, each in another country than the one before. */
function chain(
  random: Random,
  hops: number,
  draw: (position: number) => Organization,
): Organization[] {
  const path: Organization[] = [];
  for (let position = 0; position < hops; position++) {
    let org = draw(position);
    for (let i = 0; i < 20 && (path.includes(org) || org.country === path.at(-1)?.country); i++)
      org = draw(position);
    path.push(org);
  }
  return path;
}

interface Blueprint {
  id: string;
  kind: 'ROUTE' | 'DECOY';
  shape: string;
  maker: Organization | null;
  intermediaries: Organization[];
  end: PathStep;
  /** Days the goods stay at an intermediary before leaving, [min, max]. */
  dwell: [number, number];
  /** First possible day of the first leg. */
  from: number;
}

function plan(random: Random, picker: GoodsPicker, blueprint: Blueprint): PlannedFlow {
  const { maker, intermediaries, end } = blueprint;
  const goods = picker.coalition(random, maker);
  const parties = [...(maker ? [maker] : []), ...intermediaries, end.org as Organization];
  const path: PathStep[] = [
    maker
      ? { role: 'MAKER', org: maker, country: maker.country }
      : { role: 'ORIGIN', org: null, country: goods.originCountry },
    ...intermediaries.map((org): PathStep => ({ role: 'INTERMEDIARY', org, country: org.country })),
    end,
  ];

  // timing: transit to each importer, then a stay before the next leg leaves, within the window
  const legs = parties.length - 1;
  const transit = Array.from({ length: legs }, () => random.int(3, 20));
  const stay = Array.from({ length: legs - 1 }, () => random.int(...blueprint.dwell));
  const budget = ROUTE_WINDOW_DAYS - 10 - transit.reduce((a, b) => a + b, 0);
  let total = stay.reduce((a, b) => a + b, 0);
  for (let i = 0; total > budget; i = (i + 1) % stay.length) {
    if (stay[i] > 1) {
      stay[i]--;
      total--;
    }
  }
  const span = transit.slice(0, -1).reduce((a, b) => a + b, 0) + total;
  const incorporated = intermediaries.map((org) => (org.incorporatedDay ?? 0) + 14);
  const earliest = Math.max(blueprint.from, ...incorporated);
  let day = random.int(earliest, Math.max(earliest, DAYS - 1 - span));

  let lot = {
    quantity: quantity(random, goods.hs.code),
    unitCents: unitCents(random, goods.hs.code, goods.part),
  };
  const markup = () => random.between(1.08, 1.6);
  if (!maker) lot.unitCents = Math.round(lot.unitCents * markup());
  const planned: PlannedLeg[] = [];
  for (let leg = 0; leg < legs; leg++) {
    if (leg > 0) {
      day = planned[leg - 1].arrivesDay + stay[leg - 1];
      lot = {
        quantity: Math.max(1, Math.round(lot.quantity * random.between(0.5, 1))),
        unitCents: Math.max(1, Math.round(lot.unitCents * markup())),
      };
    }
    const row = shipmentRow(random, day, parties[leg], parties[leg + 1], goods, lot);
    planned.push({ row, arrivesDay: day + transit[leg] });
  }
  return {
    id: blueprint.id,
    kind: blueprint.kind,
    shape: blueprint.shape,
    path,
    goods,
    legs: planned,
  };
}
