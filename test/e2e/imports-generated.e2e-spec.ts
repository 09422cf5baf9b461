import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SYSTEM_ACTOR } from '../../src/auth/auth-user.js';
import { generateDataset } from '../../src/generate/generate.js';
import { ImportsService } from '../../src/imports/imports.service.js';
import { normalizeOrganizationName } from '../../src/organizations/normalize-name.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('import --synthetic of generated files into the demo data (e2e)', () => {
  let t: TestApp;
  let imports: ImportsService;
  let out: string;
  beforeAll(async () => {
    t = await createTestApp();
    imports = t.app.get(ImportsService);
    out = await mkdtemp(path.join(tmpdir(), 'sanctrace-generated-'));
    await generateDataset({ shipments: 20_000, seed: 7, out, now: new Date(0) });
  });
  afterAll(async () => {
    await t.close();
    await rm(out, { recursive: true, force: true });
  });

  /** The manufacturers and who makes each part number. */
  const catalogue = async () => ({
    makers: (
      await t.ds.query<{ id: string }[]>(
        `SELECT id FROM organization WHERE 'MANUFACTURER' = ANY (roles) ORDER BY id`,
      )
    ).map((r) => r.id),
    partMakers: await t.ds.query<{ part: string; makers: string[] }[]>(
      `SELECT c.normalized_part_number AS part, array_agg(DISTINCT o.name) AS makers
         FROM component c JOIN organization o ON o.id = c.manufacturer_id GROUP BY 1 ORDER BY 1`,
    ),
  });

  it('finds the demo makers under the other names the files give them, and marks what it creates', async () => {
    // The files name makers as the demo data does not: their registered names, in capitals too.
    const demoMakers = new Set(
      (
        await t.ds.query<{ normalized_name: string }[]>(
          `SELECT normalized_name FROM organization WHERE 'MANUFACTURER' = ANY (roles)`,
        )
      ).map((r) => r.normalized_name),
    );
    const text = readFileSync(path.join(out, 'shipments.csv'), 'utf8');
    for (const name of ['WINBOND ELECTRONICS CORPORATION', 'Infineon Technologies AG']) {
      expect(text).toContain(`,${name},`);
      expect(demoMakers.has(normalizeOrganizationName(name))).toBe(false);
    }

    const before = await catalogue();
    const [{ now }] = await t.ds.query('SELECT now() AS now');
    const report = await imports.run(
      SYSTEM_ACTOR,
      createReadStream(path.join(out, 'shipments.csv')),
      { kind: 'shipments', format: 'csv', source: 'gen-7', synthetic: true },
    );
    expect(report).toMatchObject({ rows: 20_000, inserted: 20_000, rejected: 0 });

    // No new manufacturer, and no part number made by two makers.
    const after = await catalogue();
    expect(after.makers).toEqual(before.makers);
    expect(after.partMakers.filter((p) => p.makers.length > 1)).toEqual([]);
    expect(after.partMakers.length).toBe(before.partMakers.length);
    // Every component a generated shipment names belongs to a demo maker.
    const [{ strays }] = await t.ds.query(
      `SELECT count(*)::int AS strays FROM shipment s JOIN component c ON c.id = s.component_id
        WHERE s.source = 'gen-7' AND NOT c.manufacturer_id = ANY ($1::uuid[])`,
      [before.makers],
    );
    expect(strays).toBe(0);

    // Every row the import created is synthetic: shipments and organizations alike.
    const [created] = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM organization WHERE created_at >= $1) AS orgs,
              (SELECT count(*)::int FROM organization WHERE created_at >= $1 AND NOT synthetic) AS real_orgs,
              (SELECT count(*)::int FROM shipment WHERE source = 'gen-7' AND NOT synthetic) AS real_shipments`,
      [now],
    );
    expect(created.orgs).toBeGreaterThan(100);
    expect(created).toMatchObject({ real_orgs: 0, real_shipments: 0 });
    // The demo makers it found stay as they were.
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM organization WHERE id = ANY ($1::uuid[]) AND synthetic`,
      [before.makers],
    );
    expect(n).toBe(0);
  });

  it('marks the organizations every kind creates, and only those', async () => {
    const run = (kind: string, text: string) =>
      imports.run(SYSTEM_ACTOR, Readable.from([text]), {
        kind,
        format: 'csv',
        source: 'gen-kinds',
        synthetic: true,
      });
    const files: [string, string][] = [
      ['organizations', 'name,country\nGen Org One Ltd,HK\nTexas Instruments,US\n'],
      [
        'sanctions',
        'name,country,authority,listed_on\nGen Listed Two LLC,AE,UK,2023-05-01\nu-blox,CH,UK,2023-05-01\n',
      ],
      [
        'components',
        'manufacturer_name,manufacturer_country,part_number\nGen Maker Three,KR,GM-3\n',
      ],
      ['components', 'manufacturer_name,part_number\nGen Maker Four,GM-4\n'],
      ['findings', 'source_record_id,manufacturer_name,part_number\nGF-1,Gen Maker Five,GM-5\n'],
      [
        'shipments',
        'source_record_id,shipped_on,exporter_name,exporter_country,manufacturer_name\nGS-1,2023-01-02,Gen Party Six,SG,Gen Maker Seven\n',
      ],
    ];
    for (const [kind, text] of files)
      expect(await run(kind, text)).toMatchObject({ rejected: 0, errors: [] });
    const flags = await t.ds.query(
      `SELECT name, synthetic FROM organization
        WHERE name LIKE 'Gen % %' OR name IN ('Texas Instruments', 'u-blox') ORDER BY name`,
    );
    expect(flags).toEqual([
      { name: 'Gen Listed Two LLC', synthetic: true },
      { name: 'Gen Maker Five', synthetic: true },
      { name: 'Gen Maker Four', synthetic: true },
      { name: 'Gen Maker Seven', synthetic: true },
      { name: 'Gen Maker Three', synthetic: true },
      { name: 'Gen Org One Ltd', synthetic: true },
      { name: 'Gen Party Six', synthetic: true },
      { name: 'Texas Instruments', synthetic: false },
      { name: 'u-blox', synthetic: false },
    ]);
  });
});
