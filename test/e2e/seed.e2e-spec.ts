import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { seedDatabase } from '../../src/seed/seed.js';
import { createTestDatabase } from './test-app.js';

const TABLES = [
  'country',
  'hs_code',
  'weapon_system',
  'organization',
  'component',
  'component_finding',
  'evidence',
  'evidence_link',
  'strike_report',
  'shipment',
];

describe('seed (e2e)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(false); // migrated, empty
    ds = await createDataSource(db.url).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = (await ds.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
    return out;
  };

  it('loads reference data and the demo dataset once, even when two processes seed together', async () => {
    const other = await createDataSource(db.url).initialize();
    const [a, b] = await Promise.all([seedDatabase(ds), seedDatabase(other)]);
    await other.destroy();
    expect([a.demo, b.demo].sort()).toEqual([false, true]);
    const after = await counts();
    expect(after).toMatchObject({ country: 249, component_finding: 61 });
    expect(after.component).toBeGreaterThanOrEqual(50);
    expect(after.organization).toBeGreaterThan(30);
  });

  it('adds nothing the second time', async () => {
    const before = await counts();
    const report = await seedDatabase(ds);
    expect(report.demo).toBe(false);
    expect(report).toMatchObject({ countries: 0, hsCodes: 0, weaponSystems: 0, organizations: 0 });
    expect(await counts()).toEqual(before);
  });

  it('loads the 50 CHPL codes with their tiers and the countries with their risk groups', async () => {
    const tiers = await ds.query(
      `SELECT chpl_tier AS tier, count(*)::int AS n FROM hs_code WHERE chpl_tier IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(tiers.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(50);
    const [{ tier }] = await ds.query(
      `SELECT chpl_tier AS tier FROM hs_code WHERE code = '854231'`,
    );
    expect(tier).toBe('1');
    const groups = await ds.query(
      `SELECT code, risk_group FROM country WHERE code IN ('HK','RU','DE','BR') ORDER BY code`,
    );
    expect(groups).toEqual([
      { code: 'BR', risk_group: 'TRANSSHIPMENT' },
      { code: 'DE', risk_group: 'PARTNER' },
      { code: 'HK', risk_group: 'TRANSSHIPMENT' },
      { code: 'RU', risk_group: 'DESTINATION_OF_CONCERN' },
    ]);
    const names = (await ds.query(`SELECT name FROM weapon_system`)).map(
      (r: { name: string }) => r.name,
    );
    expect(names).toEqual(expect.arrayContaining(['Shahed-136', 'Shahed-131', 'Shahed-238']));
  });

  it('keeps corporate lineage, raw markings and one evidence record per source', async () => {
    const [lt] = await ds.query(
      `SELECT s.name AS successor FROM organization o JOIN organization s ON s.id = o.successor_id WHERE o.name = 'Linear Technology'`,
    );
    expect(lt.successor).toBe('Analog Devices');
    const [f] = await ds.query(
      `SELECT f.marking, c.part_number, w.name FROM component_finding f JOIN component c ON c.id = f.component_id
        JOIN weapon_system w ON w.id = f.weapon_system_id WHERE f.marking = 'TMS320 F28335PGFA G4A-17C76FW'`,
    );
    expect(f).toEqual({
      marking: 'TMS320 F28335PGFA G4A-17C76FW',
      part_number: 'TMS320F28335PGFA',
      name: 'Shahed-136',
    });
    const [{ n }] = await ds.query(
      `SELECT count(DISTINCT source_url)::int AS n FROM evidence WHERE source_url LIKE 'https://war-sanctions.gur.gov.ua/%'`,
    );
    expect(n).toBe(61);
  });

  it('labels every invented record synthetic', async () => {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM shipment WHERE NOT synthetic`);
    expect(n).toBe(0);
    const strikes = await ds.query(
      `SELECT synthetic, count(*)::int AS n FROM strike_report GROUP BY 1 ORDER BY 1`,
    );
    expect(strikes).toEqual([
      { synthetic: false, n: 2 },
      { synthetic: true, n: expect.any(Number) },
    ]);
    const [{ makers }] = await ds.query(
      `SELECT count(*)::int AS makers FROM organization WHERE synthetic AND 'MANUFACTURER' = ANY(roles)`,
    );
    expect(makers).toBe(0);
  });
});
