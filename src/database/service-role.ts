import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The role the service connects as on the embedded server. It owns no table and cannot silence a
 * trigger: the superuser that owns the schema is used for migrations and setup only.
 */
export const SERVICE_ROLE = 'sanctrace_service';

/**
 * Written once, never changed: triggers reject UPDATE, DELETE and TRUNCATE, and the service role may
 * only read and add rows. Any other table that carries the append-only trigger is treated the same.
 */
export const APPEND_ONLY_TABLES = ['audit_event', 'custody_event'];
const APPEND_ONLY_TRIGGER_FUNCTION = 'reject_change_to_append_only';

/** Where TypeORM records the migrations run: the service role may read it (to see none is pending). */
export const MIGRATIONS_TABLE = 'migration';

/** Any number, the same in every process: serializes role and grant changes. */
const ROLE_LOCK = 7_261_004;

async function inTransaction(client: pg.ClientBase, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [ROLE_LOCK]);
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Creates the login role `role` when missing, and makes it no more than that: no superuser,
 * CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS, member of no other role, `password` as its
 * password. Roles belong to the whole server, and several processes (two test runs on one server)
 * may do this at once: connect to the `postgres` database, where the lock serializes them.
 */
export async function ensureServiceRole(
  client: pg.ClientBase,
  role: string,
  password: string,
): Promise<void> {
  const name = client.escapeIdentifier(role);
  await inTransaction(client, async () => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (!rowCount) await client.query(`CREATE ROLE ${name}`);
    // The password is set apart from CREATE ROLE, so that no failed statement logs it.
    await client.query(
      `ALTER ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
         PASSWORD ${client.escapeLiteral(password)}`,
    );
    const { rows } = await client.query<{ parent: string }>(
      `SELECT m.roleid::regrole::text AS parent FROM pg_auth_members m
        WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [role],
    );
    for (const { parent } of rows) await client.query(`REVOKE ${parent} FROM ${name}`);
  });
}

/**
 * Gives `role` what the service needs in the database `client` is connected to, and nothing more:
 * SELECT, INSERT, UPDATE and DELETE on the domain tables, only SELECT and INSERT on the append-only
 * ones, only SELECT on the migrations table (a service started without the privileged connection
 * checks that none is pending); USAGE on the schema and the sequences; EXECUTE on the
 * schema's own functions; CONNECT and TEMPORARY on the database (imports stage rows in a TEMP
 * table). Whatever else the role held on those tables is revoked. Idempotent: run after every
 * migration run, so new tables follow.
 */
export async function grantServiceRole(client: pg.ClientBase, role: string): Promise<void> {
  const to = client.escapeIdentifier(role);
  await inTransaction(client, async () => {
    const {
      rows: [{ db }],
    } = await client.query<{ db: string }>('SELECT current_database() AS db');
    await client.query(
      `GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(db)} TO ${to}`,
    );
    await client.query(`GRANT USAGE ON SCHEMA public TO ${to}`);
    const { rows: tables } = await client.query<{
      name: string;
      relname: string;
      append_only: boolean;
    }>(
      `SELECT c.oid::regclass::text AS name, c.relname,
              c.relname = ANY($1) OR EXISTS (
                SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                 WHERE t.tgrelid = c.oid AND p.proname = $2) AS append_only
         FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        ORDER BY 1`,
      [APPEND_ONLY_TABLES, APPEND_ONLY_TRIGGER_FUNCTION],
    );
    for (const t of tables) {
      await client.query(`REVOKE ALL ON TABLE ${t.name} FROM ${to}`);
      const may =
        t.relname === MIGRATIONS_TABLE
          ? 'SELECT'
          : t.append_only
            ? 'SELECT, INSERT'
            : 'SELECT, INSERT, UPDATE, DELETE';
      await client.query(`GRANT ${may} ON TABLE ${t.name} TO ${to}`);
    }
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${to}`);
    const { rows: routines } = await client.query<{ routine: string }>(
      `SELECT p.oid::regprocedure::text AS routine FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
    );
    for (const { routine } of routines)
      await client.query(`GRANT EXECUTE ON ROUTINE ${routine} TO ${to}`);
  });
}

/**
 * Why the role of this connection could change an append-only table despite its triggers; empty
 * when it cannot. A superuser or a role with SET on `session_replication_role` can silence the
 * triggers; the owner of a table (or a member of its owner's role) can disable or drop them.
 */
export async function appendOnlyBypasses(ds: Pick<DataSource, 'query'>): Promise<string[]> {
  const [row] = await ds.query<
    { superuser: boolean; bypassrls: boolean; replication_role: boolean; owned: string[] }[]
  >(
    `SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolsuper
                      AND pg_has_role(current_user, r.oid, 'MEMBER')) AS superuser,
            EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolbypassrls
                      AND pg_has_role(current_user, r.oid, 'MEMBER')) AS bypassrls,
            has_parameter_privilege('session_replication_role', 'SET') AS replication_role,
            ARRAY(SELECT c.relname::text FROM pg_class c
                   WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1)
                     AND pg_has_role(current_user, c.relowner, 'MEMBER') ORDER BY 1) AS owned`,
    [APPEND_ONLY_TABLES],
  );
  const reasons: string[] = [];
  if (row.superuser) reasons.push('is (or may become) a superuser');
  if (row.bypassrls) reasons.push('has (or may take) BYPASSRLS');
  if (row.replication_role)
    reasons.push('may set session_replication_role, which silences triggers');
  if (row.owned.length) reasons.push(`owns (or may act as the owner of) ${row.owned.join(', ')}`);
  return reasons;
}
