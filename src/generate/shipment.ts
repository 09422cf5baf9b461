import { dateOf } from './calendar.js';
import { csvField } from './csv-writer.js';
import type { Random } from './random.js';
import type { HsCode, Part } from './reference.js';
import type { Organization } from './world.js';

export const SHIPMENT_HEADER = [
  'source_record_id',
  'shipped_on',
  'exporter_name',
  'exporter_country',
  'importer_name',
  'importer_country',
  'origin_country',
  'export_country',
  'import_country',
  'hs_code',
  'part_number',
  'manufacturer_name',
  'description',
  'quantity',
  'value_usd',
] as const;

export const ORGANIZATION_HEADER = [
  'name',
  'country',
  'roles',
  'aliases',
  'registration_ids',
  'incorporated_on',
] as const;

/** What is traded: a part of the public list or goods known by HS code only, and where made. */
export interface Goods {
  part: Part | null;
  hs: HsCode;
  originCountry: string;
  /** The manufacturer, when known (always for a part). */
  maker: Organization | null;
}

/** One customs line before it gets its record id. */
export interface ShipmentRow {
  day: number;
  exporter: Organization;
  importer: Organization;
  exporterName: string;
  importerName: string;
  goods: Goods;
  manufacturerName: string;
  description: string;
  quantity: number;
  unitCents: number;
}

/** How a shipment writes an organization: its registered name a bit under half the time. */
export function nameOn(random: Random, org: Organization): string {
  const { variants } = org;
  if (variants.length === 1 || random.chance(0.45)) return variants[0];
  return variants[1 + Math.floor(random.next() * (variants.length - 1))];
}

/** The manufacturer-name column: the maker's short name, its registered name or in capitals. */
export function makerNameOn(random: Random, maker: Organization | null): string {
  if (!maker) return '';
  const r = random.next();
  if (r < 0.6 || maker.variants.length === 1) return maker.variants[0];
  return r < 0.9 ? maker.variants[1] : maker.variants[maker.variants.length - 1];
}

/** Cents as dollars with two decimals: 123456 → `1234.56`. */
export const dollars = (cents: number): string =>
  `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** `GEN-42-0000001`: unique in the file, in file order. */
export const recordId = (seed: number, sequence: number): string =>
  `GEN-${seed}-${String(sequence).padStart(7, '0')}`;

/** The CSV line of a shipment, in the column order of SHIPMENT_HEADER, ending with a newline. */
export function shipmentLine(id: string, row: ShipmentRow): string {
  const from = row.exporter.country;
  const to = row.importer.country;
  return (
    `${id},${dateOf(row.day)},${csvField(row.exporterName)},${from},${csvField(row.importerName)},${to},` +
    `${row.goods.originCountry},${from},${to},${row.goods.hs.code},${csvField(row.goods.part?.partNumber ?? '')},` +
    `${csvField(row.manufacturerName)},${csvField(row.description)},${row.quantity},` +
    `${dollars(row.quantity * row.unitCents)}\n`
  );
}
