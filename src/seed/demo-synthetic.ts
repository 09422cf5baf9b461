import type { ShipmentEntity } from '../shipments/shipment.entity.js';
import { normalizeOrganizationName } from '../organizations/normalize-name.js';
import { OrganizationRole as R } from '../organizations/organization.enums.js';
import type { ComponentRow, OrganizationRow, Row } from './demo-parts.js';

export const DEMO_SHIPMENT_SOURCE = 'synthetic-demo';

const SHARED_ADDRESS = 'Office 12, 1 Demo Street, Yerevan, Armenia (fictional)';

/**
 * Fictional traders, distributors and importers. Every name carries "Demo" and every website the
 * reserved `.example` domain, so none can be taken for a real company.
 */
const PARTIES: Record<
  string,
  { name: string; country: string; roles: R[]; since: string; aliases?: string[]; address?: string }
> = {
  harbourline: {
    name: 'Demo Harbourline Trading Limited',
    country: 'HK',
    roles: [R.TRADER],
    since: '2022-05-10',
  },
  victoria: {
    name: 'Demo Victoria Peak Components Co., Limited',
    country: 'HK',
    roles: [R.DISTRIBUTOR, R.TRADER],
    since: '2016-03-01',
  },
  bosphorus: {
    name: 'Demo Bosphorus Elektronik Ticaret A.Ş.',
    country: 'TR',
    roles: [R.TRADER],
    since: '2014-09-15',
  },
  creekside: {
    name: 'Demo Creekside General Trading FZE',
    country: 'AE',
    roles: [R.TRADER],
    since: '2022-09-01',
  },
  steppe: {
    name: 'Demo Steppe Technology TOO',
    country: 'KZ',
    roles: [R.TRADER],
    since: '2022-06-20',
  },
  ararat: {
    name: 'Demo Ararat Circuit LLC',
    country: 'AM',
    roles: [R.TRADER],
    since: '2023-01-15',
    address: SHARED_ADDRESS,
  },
  pearl: {
    name: 'Demo Pearl River Microelectronics Co., Ltd.',
    country: 'CN',
    roles: [R.DISTRIBUTOR],
    since: '2009-04-01',
  },
  vostok: {
    name: 'OOO Demo Vostok Komplekt',
    country: 'RU',
    roles: [R.IMPORTER],
    since: '2011-02-14',
    aliases: ['ООО «Демо Восток Комплект»'],
  },
  kama: {
    name: 'AO Demo Kama Avionika',
    country: 'RU',
    roles: [R.IMPORTER, R.END_USER],
    since: '2019-07-30',
    aliases: ['АО «Демо Кама Авионика»'],
    address: SHARED_ADDRESS,
  },
  persepolis: {
    name: 'Demo Persepolis Industrial Supply Co.',
    country: 'IR',
    roles: [R.IMPORTER],
    since: '2005-11-20',
  },
  andes: {
    name: 'Demo Andes Robotics S.A.',
    country: 'CL',
    roles: [R.IMPORTER],
    since: '2012-08-08',
  },
};

/**
 * Goods flows: a part (normalized), its unit price at the first exporter, the first quantity, and the
 * path as `party date party date party ...` (`maker` is the part's manufacturer). Most end in RU or
 * IR within weeks of leaving the maker; the sales to `andes` (CL) are ordinary trade, as decoys.
 */
const FLOWS: [part: string, price: number, quantity: number, path: string][] = [
  ['TMS320F28335PGFA', 18.5, 1200, 'maker 2023-03-02 harbourline 2023-03-21 vostok'],
  ['TMS320F28335PGFA', 18.9, 800, 'maker 2023-08-14 harbourline 2023-09-01 vostok'],
  ['TMS320F28335PGFA', 17.8, 300, 'maker 2023-05-10 andes'],
  ['NEOM8N', 24, 600, 'maker 2022-11-14 bosphorus 2022-12-05 vostok'],
  ['ADXL357B', 38, 400, 'maker 2023-06-05 victoria 2023-06-19 kama'],
  ['STM32F405RGT6', 7.8, 3000, 'maker 2023-02-01 pearl 2023-02-20 steppe 2023-03-09 vostok'],
  ['STM32F405RGT6', 9.6, 500, 'pearl 2023-04-03 andes'],
  ['AUIRF4905S', 2.4, 5000, 'maker 2023-10-02 creekside 2023-10-24 persepolis'],
  ['MCIMX6L2EVN10AC', 14, 250, 'maker 2023-04-11 ararat 2023-04-28 kama'],
  ['AS5600', 2.1, 2000, 'maker 2024-01-15 bosphorus 2024-02-02 vostok'],
  ['SIR180DP', 1.15, 4000, 'maker 2024-03-04 creekside 2024-03-27 persepolis'],
  ['SIR180DP', 1.1, 2500, 'maker 2024-02-12 andes'],
  ['LM5176', 4.3, 700, 'maker 2024-05-13 steppe 2024-06-03 vostok'],
  ['NEOM9N', 29, 500, 'maker 2024-07-08 harbourline 2024-07-22 kama'],
  ['NEOM9N', 28, 350, 'maker 2024-04-15 andes'],
  ['H11G1', 0.95, 1500, 'maker 2022-08-22 victoria 2022-09-12 vostok'],
  ['IS25LP128', 1.6, 6000, 'maker 2022-10-10 pearl 2022-10-31 steppe 2022-11-18 vostok'],
];

/** Mulberry32: a small PRNG with a fixed seed, so every run generates the same demo rows. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPlan {
  organizations: OrganizationRow[];
  shipments: Row<ShipmentEntity>[];
}

/**
 * The synthetic traders and importers and the shipments of real parts from their real makers through
 * them. Each re-export leg sells most of what arrived, at a markup; all rows are marked synthetic.
 */
export function planSynthetic(
  components: ComponentRow[],
  makers: OrganizationRow[],
  newId: () => string,
): SyntheticPlan {
  const random = seededRandom(20_220_224);
  const parties = new Map(
    Object.entries(PARTIES).map(([key, p]): [string, OrganizationRow] => [
      key,
      {
        id: newId(),
        name: p.name,
        normalizedName: normalizeOrganizationName(p.name),
        aliases: p.aliases ?? [],
        country: p.country,
        roles: p.roles,
        incorporatedOn: p.since,
        address: p.address ?? null,
        website: `https://${key}.example`,
        synthetic: true,
      },
    ]),
  );
  const makerById = new Map(makers.map((m) => [m.id, m]));

  const shipments: Row<ShipmentEntity>[] = [];
  for (const [part, firstPrice, firstQuantity, path] of FLOWS) {
    const component = components.find((c) => c.normalizedPartNumber === part);
    const maker = component && makerById.get(component.manufacturerId);
    if (!component || !maker) throw new Error(`demo flow: no component ${part}`);
    const party = (key: string) => {
      const org = key === 'maker' ? maker : parties.get(key);
      if (!org) throw new Error(`demo flow: no party ${key}`);
      return org;
    };
    const steps = path.split(' ');
    let quantity = firstQuantity;
    let price = firstPrice;
    for (let i = 1; i < steps.length; i += 2) {
      const [from, shippedOn, to] = [steps[i - 1], steps[i], steps[i + 1]];
      if (i > 1) {
        // a re-export: most of what arrived, at a markup
        quantity = Math.max(50, Math.round((quantity * (0.8 + 0.2 * random())) / 50) * 50);
        price *= 1.25 + 0.55 * random();
      }
      const exporter = party(from);
      const importer = party(to);
      shipments.push({
        id: newId(),
        shippedOn,
        exporterId: exporter.id,
        importerId: importer.id,
        originCountry: maker.country,
        exportCountry: exporter.country,
        importCountry: importer.country,
        hsCode: component.hsCode,
        componentId: component.id,
        partNumberRaw: component.partNumber,
        description: `${component.description} (${maker.name})`,
        quantity: String(quantity),
        valueUsd: (quantity * price).toFixed(2),
        source: DEMO_SHIPMENT_SOURCE,
        sourceRecordId: '',
        synthetic: true,
      });
    }
  }
  shipments.sort((a, b) => String(a.shippedOn).localeCompare(String(b.shippedOn)));
  shipments.forEach((s, i) => (s.sourceRecordId = `demo-${String(i + 1).padStart(4, '0')}`));
  return { organizations: [...parties.values()], shipments };
}
