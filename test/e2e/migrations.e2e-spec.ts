import pg from 'pg';
import {
  createDatabase,
  dropDatabase,
  uniqueDatabaseName,
  withDatabase,
} from '../../src/database/admin.js';
import { createDataSource } from '../../src/database/data-source.js';
import { revertLastMigration, runMigrations } from '../../src/database/migrate.js';
import { schemaDiff } from '../../src/database/schema-diff.js';
import { grantServiceRole } from '../../src/database/service-role.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { testServerUrl, testServiceServerUrl } from './test-app.js';

const DOMAIN_TABLES = [
  'api_key',
  'app_user',
  'audit_event',
  'component',
  'component_finding',
  'country',
  'custody_event',
  'evidence',
  'evidence_corroboration',
  'evidence_file',
  'evidence_link',
  'hs_code',
  'import_run',
  'organization',
  'route',
  'route_detection_run',
  'route_flow',
  'route_flow_change',
  'route_leg',
  'sanction',
  'shipment',
  'strike_report',
  'weapon_system',
];

describe('migrations (e2e)', () => {
  const name = uniqueDatabaseName('sanctrace_migrations');
  let ds: ReturnType<typeof createDataSource>;

  beforeAll(async () => {
    await createDatabase(testServerUrl(), name);
    ds = await createDataSource(withDatabase(testServerUrl(), name)).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await dropDatabase(testServerUrl(), name);
  });

  const tables = async (): Promise<string[]> =>
    (
      await ds.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migration' ORDER BY 1`,
      )
    ).map((r: { tablename: string }) => r.tablename);

  it('go up, down and up again on an empty database', async () => {
    expect(await tables()).toEqual([]);
    const applied = await runMigrations(ds);
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(DOMAIN_TABLES);
    const extensions = (await ds.query(`SELECT extname FROM pg_extension`)).map(
      (r: { extname: string }) => r.extname,
    );
    expect(extensions).toEqual(expect.arrayContaining(['pg_trgm', 'citext', 'unaccent']));

    // The service role's grants stand in no migration's way down.
    const serviceRole = decodeURIComponent(new URL(testServiceServerUrl()).username);
    const admin = new pg.Client({ connectionString: withDatabase(testServerUrl(), name) });
    await admin.connect();
    try {
      await grantServiceRole(admin, serviceRole);
    } finally {
      await admin.end();
    }

    for (let i = 0; i < MIGRATIONS.length; i++) await revertLastMigration(ds);
    expect(await tables()).toEqual([]);
    const types = await ds.query(
      `SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    );
    expect(types).toEqual([]);

    expect(await runMigrations(ds)).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(DOMAIN_TABLES);
    expect(await runMigrations(ds)).toHaveLength(0);
  });

  it('match the entities (no drift)', async () => {
    expect(await schemaDiff(testServerUrl())).toEqual({ up: [], down: [] });
  });

  it('refuse what must never be stored', async () => {
    await runMigrations(ds);
    const [{ id: makerId }] = await ds.query(
      `INSERT INTO organization (name, normalized_name) VALUES ('M', 'm') RETURNING id`,
    );
    const reject = (sql: string, params: unknown[] = []) =>
      expect(ds.query(sql, params)).rejects.toThrow(/violates|too long/);
    await reject(
      `INSERT INTO organization (name, normalized_name, country) VALUES ('X', 'x', 'USA')`,
    );
    await reject(
      `INSERT INTO organization (name, normalized_name, country) VALUES ('X', 'x', 'us')`,
    );
    await reject(
      `INSERT INTO shipment (shipped_on, quantity, source, source_record_id) VALUES ('2024-01-01', -1, 's', '1')`,
    );
    await reject(
      `INSERT INTO shipment (shipped_on, value_usd, source, source_record_id) VALUES ('2024-01-01', -5, 's', '2')`,
    );
    await ds.query(
      `INSERT INTO shipment (shipped_on, source, source_record_id) VALUES ('2024-01-01', 's', '3')`,
    );
    await reject(
      `INSERT INTO shipment (shipped_on, source, source_record_id) VALUES ('2024-01-02', 's', '3')`,
    );
    await reject(`INSERT INTO hs_code (code) VALUES ('991234')`);
    await reject(`INSERT INTO hs_code (code) VALUES ('85423')`);
    await ds.query(
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number) VALUES ($1, 'A-1', 'A1')`,
      [makerId],
    );
    await reject(
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number) VALUES ($1, 'A 1', 'A1')`,
      [makerId],
    );
    await reject(`INSERT INTO strike_report (occurred_at, latitude) VALUES (now(), 91)`);
    await reject(`INSERT INTO strike_report (occurred_at, killed) VALUES (now(), -1)`);
  });
});
