import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describeSummary, generateDataset, planSizes } from './generate.js';

const HEADER =
  'source_record_id,shipped_on,exporter_name,exporter_country,importer_name,importer_country,' +
  'origin_country,export_country,import_country,hs_code,part_number,manufacturer_name,description,' +
  'quantity,value_usd';
const NOW = new Date('2026-01-02T03:04:05Z');
const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

type Row = Record<string, string>;
interface Leg {
  position: number;
  sourceRecordId: string;
  shippedOn: string;
  arrivesOn: string;
  exporter: { name: string; country: string; writtenAs: string };
  importer: { name: string; country: string; writtenAs: string };
  quantity: number;
  valueUsd: string;
}
interface Flow {
  id: string;
  shape: string;
  path: { role: string; name: string | null; country: string }[];
  goods: { partNumber: string | null; hsCode: string; originCountry: string };
  window: { from: string; to: string; days: number };
  legs: Leg[];
}

describe('generateDataset', () => {
  let root: string;
  let text: { shipments: string; organizations: string; manifest: string };
  let rows: Row[];
  let manifest: { plantedRoutes: Flow[]; decoys: Flow[]; [key: string]: unknown };

  const run = async (dir: string, seed = 42) => {
    const out = path.join(root, dir);
    const summary = await generateDataset({ shipments: 2000, seed, out, now: NOW });
    const read = (name: string) => readFile(path.join(out, name), 'utf8');
    return {
      summary,
      shipments: await read('shipments.csv'),
      organizations: await read('organizations.csv'),
      manifest: await read('manifest.json'),
    };
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'sanctrace-generate-'));
    text = await run('a');
    rows = parse(text.shipments, { columns: true });
    manifest = JSON.parse(text.manifest);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('writes byte-identical files for the same seed, other files for another', async () => {
    const again = await run('b');
    expect(again.shipments).toBe(text.shipments);
    expect(again.organizations).toBe(text.organizations);
    expect(again.manifest).toBe(text.manifest);
    const other = await run('c', 43);
    expect(other.shipments).not.toBe(text.shipments);
    expect(describeSummary(other.summary)).toMatch(
      /^wrote 2,000 shipments, \d+ organizations, 5 planted/,
    );
  });

  it('writes the header and exactly the shipments asked for, with unique record ids', () => {
    expect(text.shipments.split('\n')[0]).toBe(HEADER);
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((r) => r.source_record_id)).size).toBe(2000);
    expect(rows[0].source_record_id).toBe('GEN-42-0000001');
  });

  it('writes only valid rows', () => {
    const country = /^[A-Z]{2}$/;
    for (const row of rows) {
      expect(Object.keys(row)).toHaveLength(15);
      expect(row.source_record_id).toMatch(/^GEN-42-\d{7}$/);
      expect(row.shipped_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.shipped_on >= '2021-01-01' && row.shipped_on <= '2025-12-31').toBe(true);
      expect(new Date(`${row.shipped_on}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
        row.shipped_on,
      );
      for (const key of [
        'exporter_country',
        'importer_country',
        'origin_country',
        'export_country',
        'import_country',
      ])
        expect(row[key]).toMatch(country);
      expect(row.export_country).toBe(row.exporter_country);
      expect(row.import_country).toBe(row.importer_country);
      expect(row.export_country).not.toBe(row.import_country);
      expect(row.hs_code).toMatch(/^\d{6}$/);
      expect(row.quantity).toMatch(/^[1-9]\d*$/);
      expect(row.value_usd).toMatch(/^\d+\.\d{2}$/);
      expect(row.exporter_name && row.importer_name && row.description).toBeTruthy();
    }
    // shipments are in date order; part numbers on many, HS code only on others
    expect(rows.every((r, i) => i === 0 || rows[i - 1].shipped_on <= r.shipped_on)).toBe(true);
    const withPart = rows.filter((r) => r.part_number).length;
    expect(withPart / rows.length).toBeGreaterThan(0.3);
    expect(withPart / rows.length).toBeLessThan(0.8);
  });

  it('keeps coalition-made goods to RU, BY and IR for the planted routes only', () => {
    const planted = new Set(
      manifest.plantedRoutes.flatMap((r) => r.legs.map((l) => l.sourceRecordId)),
    );
    const coalition = new Set([
      'US',
      'DE',
      'JP',
      'CH',
      'NL',
      'AT',
      'CA',
      'GB',
      'FR',
      'KR',
      'IT',
      'IE',
      'SE',
    ]);
    for (const row of rows)
      if (['RU', 'BY', 'IR'].includes(row.import_country) && coalition.has(row.origin_country))
        expect(planted.has(row.source_record_id)).toBe(true);
  });

  it('states the planted routes and decoys whose legs are in the file, in time order', () => {
    expect(manifest).toMatchObject({
      seed: 42,
      shipments: 2000,
      synthetic: true,
      generatedAt: NOW.toISOString(),
    });
    expect(manifest.plantedRoutes).toHaveLength(planSizes(2000).routes);
    expect(manifest.decoys).toHaveLength(planSizes(2000).decoys);
    const byId = new Map(rows.map((r) => [r.source_record_id, r]));
    for (const flow of [...manifest.plantedRoutes, ...manifest.decoys]) {
      const end = flow.path[flow.path.length - 1];
      const concern = ['RU', 'BY', 'IR'].includes(end.country);
      expect(concern).toBe(flow.id.startsWith('ROUTE'));
      expect(flow.path.length - 2).toBeGreaterThanOrEqual(1);
      expect(flow.path.length - 2).toBeLessThanOrEqual(3);
      expect(flow.legs).toHaveLength(
        flow.path[0].role === 'MAKER' ? flow.path.length - 1 : flow.path.length - 2,
      );
      expect(days(flow.window.from, flow.window.to)).toBeLessThanOrEqual(180);
      flow.legs.forEach((leg, i) => {
        const row = byId.get(leg.sourceRecordId)!;
        expect(row).toBeDefined();
        expect(row.shipped_on).toBe(leg.shippedOn);
        expect(row.exporter_name).toBe(leg.exporter.writtenAs);
        expect(row.importer_name).toBe(leg.importer.writtenAs);
        expect(row.exporter_country).toBe(leg.exporter.country);
        expect(row.importer_country).toBe(leg.importer.country);
        expect(row.hs_code).toBe(flow.goods.hsCode);
        expect(row.part_number).toBe(flow.goods.partNumber ?? '');
        expect(row.origin_country).toBe(flow.goods.originCountry);
        expect(days(leg.shippedOn, leg.arrivesOn)).toBeGreaterThan(0);
        if (i > 0) {
          const before = flow.legs[i - 1];
          expect(leg.exporter.name).toBe(before.importer.name);
          expect(leg.shippedOn > before.arrivesOn).toBe(true); // left after the goods arrived
        }
      });
      expect(flow.legs[flow.legs.length - 1].importer.name).toBe(end.name);
    }
  });

  it('writes organizations in several ways across shipments', () => {
    const organizations: Row[] = parse(text.organizations, { columns: true });
    expect(text.organizations.split('\n')[0]).toBe(
      'name,country,roles,aliases,registration_ids,incorporated_on',
    );
    expect(organizations).toHaveLength(manifest.organizations as number);
    const names = rows.flatMap((r) => [r.exporter_name, r.importer_name]);
    const registered = new Set(organizations.map((o) => o.name));
    expect(names.filter((n) => !registered.has(n)).length / names.length).toBeGreaterThan(0.3);
    const all = names.join('\n');
    expect(all).toMatch(/^ООО «/m); // Cyrillic
    expect(all).toMatch(/^OOO /m); // and transliterated
    expect(all).toMatch(/ LLC$/m);
    expect(all).toMatch(/ (Ltd|Limited)$/m);
    expect(all).toMatch(/^[^a-z\n]*[A-Z]{4}[^a-z\n]*$/m); // in capitals
    for (const route of manifest.plantedRoutes)
      for (const leg of route.legs) expect(registered.has(leg.exporter.name)).toBe(true);
  });
});
