import pg from 'pg';
import {
  appendOnlyBypasses,
  APPEND_ONLY_TABLES,
  grantServiceRole,
} from '../../src/database/service-role.js';
import { createDataSource } from '../../src/database/data-source.js';
import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const count = async (t: TestApp, table: string): Promise<number> =>
  (await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

/**
 * The audit trail and the chain of custody cannot be rewritten by the service itself: its own
 * connection (the DataSource the app uses) logs in as a role that owns neither table, is no
 * superuser and may not silence triggers.
 */
describe('append-only logs against the service role (e2e)', () => {
  let t: TestApp;
  let owner: string;
  let evidenceId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const added = await t.gql<{ addEvidence: { id: string } }>(
      `mutation { addEvidence(input: { title: "Append-only probe", kind: PHOTO, sourceType: OWN_EXAMINATION,
         sourceReliability: B, informationCredibility: 2 }) { id } }`,
      {},
      { as: Role.INVESTIGATOR },
    );
    evidenceId = added.data.addEvidence.id;
    [{ owner }] = await t.ds.query(
      `SELECT tableowner AS owner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_event'`,
    );
  });
  afterAll(() => t.close());

  it('the app connects as a role that owns nothing and can bypass nothing', async () => {
    const [{ me }] = await t.ds.query('SELECT current_user AS me');
    expect(me).not.toBe(owner);
    expect(await appendOnlyBypasses(t.ds)).toEqual([]);
    // The check does see a role that could: the owner's own connection.
    const ownerDs = await createDataSource(t.url).initialize();
    try {
      expect(await appendOnlyBypasses(ownerDs)).toEqual(
        expect.arrayContaining([expect.stringMatching(/owns .*audit_event, custody_event/)]),
      );
    } finally {
      await ownerDs.destroy();
    }
  });

  it('reads and adds to both logs (the service writes them)', async () => {
    expect(await count(t, 'audit_event')).toBeGreaterThan(0);
    expect(await count(t, 'custody_event')).toBeGreaterThan(0);
    await t.ds.query(
      `INSERT INTO audit_event (action, subject_type, subject_id) VALUES ('probe.insert', 'Evidence', $1)`,
      [evidenceId],
    );
    await t.ds.query(
      `INSERT INTO custody_event (evidence_id, action, note) VALUES ($1, 'ANALYZED', 'probe')`,
      [evidenceId],
    );
  });

  const refusals: [string, (table: string) => string, RegExp][] = [
    ['UPDATE', (table) => `UPDATE ${table} SET created_at = now()`, /permission denied for table/],
    ['DELETE', (table) => `DELETE FROM ${table}`, /permission denied for table/],
    ['TRUNCATE', (table) => `TRUNCATE ${table}`, /permission denied for table/],
    [
      'DISABLE TRIGGER',
      (table) => `ALTER TABLE ${table} DISABLE TRIGGER trg_${table}_append_only`,
      /must be owner of table/,
    ],
    ['DISABLE TRIGGER ALL', (table) => `ALTER TABLE ${table} DISABLE TRIGGER ALL`, /must be owner/],
    [
      'DROP TRIGGER',
      (table) => `DROP TRIGGER trg_${table}_append_only ON ${table}`,
      /must be owner of (table|relation)/,
    ],
    [
      'ALTER TABLE … OWNER',
      (table) => `ALTER TABLE ${table} OWNER TO current_user`,
      /must be owner of table/,
    ],
  ];

  describe.each(APPEND_ONLY_TABLES)('%s', (table) => {
    it.each(refusals)('refuses %s', async (_, sql, error) => {
      const before = await count(t, table);
      await expect(t.ds.query(sql(table))).rejects.toThrow(error);
      expect(await count(t, table)).toBe(before);
    });
  });

  it('cannot silence triggers or take another role', async () => {
    await expect(t.ds.query('SET session_replication_role = replica')).rejects.toThrow(
      /permission denied to set parameter "session_replication_role"/,
    );
    await expect(
      t.ds.transaction((em) => em.query('SET LOCAL session_replication_role = replica')),
    ).rejects.toThrow(/permission denied/);
    await expect(t.ds.query('SET ROLE postgres')).rejects.toThrow(/permission denied to set role/);
    await expect(t.ds.query(`SET ROLE ${JSON.stringify(owner)}`)).rejects.toThrow(
      /permission denied to set role/,
    );
    await expect(t.ds.query('DELETE FROM migration')).rejects.toThrow(/permission denied/);
    const [{ role }] = await t.ds.query(
      `SELECT current_setting('session_replication_role') AS role`,
    );
    expect(role).toBe('origin');
  });

  it('still changes the domain tables and stages in TEMP tables', async () => {
    await t.ds.transaction(async (em) => {
      await em.query('CREATE TEMP TABLE probe_stage (v int) ON COMMIT DROP');
      await em.query(`UPDATE evidence SET title = title WHERE id = $1`, [evidenceId]);
      const [, deleted] = await em.query(`DELETE FROM evidence_link WHERE evidence_id = $1`, [
        evidenceId,
      ]);
      expect(deleted).toBe(0);
    });
  });

  it('grants follow a table a later migration adds (append-only by its trigger, or not)', async () => {
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    try {
      await admin.query(`CREATE TABLE probe_log (v int)`);
      await admin.query(`CREATE TABLE probe_plain (v int)`);
      await admin.query(
        `CREATE TRIGGER trg_probe_log_append_only BEFORE UPDATE OR DELETE ON probe_log
           FOR EACH ROW EXECUTE FUNCTION reject_change_to_append_only()`,
      );
      await expect(t.ds.query('INSERT INTO probe_plain VALUES (1)')).rejects.toThrow(
        /permission denied/,
      );
      const [{ me }] = await t.ds.query('SELECT current_user AS me');
      await grantServiceRole(admin, me);
      await grantServiceRole(admin, me); // idempotent
      await t.ds.query('INSERT INTO probe_plain VALUES (1)');
      await t.ds.query('UPDATE probe_plain SET v = 2');
      await t.ds.query('INSERT INTO probe_log VALUES (1)');
      expect(await t.ds.query('SELECT v FROM probe_log')).toEqual([{ v: 1 }]);
      await expect(t.ds.query('UPDATE probe_log SET v = 2')).rejects.toThrow(/permission denied/);
      await expect(t.ds.query('DELETE FROM probe_log')).rejects.toThrow(/permission denied/);
      const privileges = async (tbl: string) =>
        (
          await admin.query(
            `SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) AS p
               FROM information_schema.role_table_grants WHERE grantee = $1 AND table_name = $2`,
            [me, tbl],
          )
        ).rows[0].p;
      expect(await privileges('audit_event')).toBe('INSERT,SELECT');
      expect(await privileges('custody_event')).toBe('INSERT,SELECT');
      expect(await privileges('probe_log')).toBe('INSERT,SELECT');
      expect(await privileges('shipment')).toBe('DELETE,INSERT,SELECT,UPDATE');
      expect(await privileges('migration')).toBe('SELECT');
    } finally {
      await admin.query('DROP TABLE IF EXISTS probe_log, probe_plain');
      await admin.end();
    }
  });

  it('writes the logs through the app as before', async () => {
    const before = await count(t, 'custody_event');
    const res = await t.gql(
      `mutation ($id: ID!) { recordCustodyEvent(input: { evidenceId: $id, action: TRANSFERRED, note: "to lab" }) { action } }`,
      { id: evidenceId },
      { as: Role.INVESTIGATOR },
    );
    expect(res.errors).toBeUndefined();
    expect(await count(t, 'custody_event')).toBe(before + 1);
  });
});
