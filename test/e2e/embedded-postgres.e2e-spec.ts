import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { SERVICE_ROLE } from '../../src/database/service-role.js';

const query = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

const deadPid = (): number => Number(execFileSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }));

describe('embedded PostgreSQL (e2e)', () => {
  let dir: string;
  let server: EmbeddedPostgres;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sanctrace-embedded-'));
    server = await EmbeddedPostgres.start({ dataDir: dir, database: 'sanctrace', ephemeral: true });
  });
  afterAll(() => server.destroy());

  const state = async () =>
    JSON.parse(await readFile(path.join(dir, 'embedded-postgres.json'), 'utf8')) as Record<
      string,
      string
    >;

  it('runs a real server on 127.0.0.1 with the extensions the schema needs', async () => {
    expect(server.ownsServer).toBe(true);
    expect(server.url()).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/sanctrace$/);
    const rows = await query(
      server.url(),
      `SELECT name FROM pg_available_extensions WHERE name IN ('pg_trgm','citext','unaccent') ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(['citext', 'pg_trgm', 'unaccent']);
    const [{ listen }] = await query(
      server.url(),
      `SELECT current_setting('listen_addresses') AS listen`,
    );
    expect(listen).toBe('127.0.0.1');
  });

  it('keeps the credentials to itself (mode 0600)', async () => {
    const { statSync } = await import('node:fs');
    expect(statSync(path.join(dir, 'embedded-postgres.json')).mode & 0o777).toBe(0o600);
  });

  it('lets a second process connect to the running server without starting another', async () => {
    const second = await EmbeddedPostgres.start({ dataDir: dir, database: 'sanctrace' });
    expect(second.ownsServer).toBe(false);
    expect(second.url()).toBe(server.url());
    await second.stop(); // not its server: stays up
    expect(await query(server.url(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('adopts a server whose owner died, and keeps the data across a restart', async () => {
    await query(
      server.url(),
      'CREATE TABLE IF NOT EXISTS kept (v int); INSERT INTO kept VALUES (42)',
    );
    const stateFile = path.join(dir, 'embedded-postgres.json');
    const state = JSON.parse(await readFile(stateFile, 'utf8'));
    await writeFile(stateFile, JSON.stringify({ ...state, ownerPid: deadPid() }));
    const adopter = await EmbeddedPostgres.start({ dataDir: dir, database: 'sanctrace' });
    expect(adopter.ownsServer).toBe(true);
    await adopter.stop();
    await expect(query(server.url(), 'SELECT 1')).rejects.toThrow();

    server = await EmbeddedPostgres.start({ dataDir: dir, database: 'sanctrace', ephemeral: true });
    expect(await query(server.url(), 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
  });

  it('creates the service role: a login that is no superuser, owns nothing, joins no role', async () => {
    const started = await EmbeddedPostgres.start({
      dataDir: dir,
      database: 'sanctrace',
      serviceRole: SERVICE_ROLE,
    });
    const { servicePassword, password } = await state();
    expect(servicePassword).toEqual(expect.stringMatching(/^[\w-]{24}$/));
    expect(servicePassword).not.toBe(password);
    expect(started.serviceUrl()).toBe(
      server
        .url()
        .replace(
          /^postgresql:\/\/postgres:[^@]+@/,
          `postgresql://${SERVICE_ROLE}:${servicePassword}@`,
        ),
    );
    expect(await query(started.serviceUrl(), 'SELECT current_user AS me')).toEqual([
      { me: SERVICE_ROLE },
    ]);
    expect(
      await query(
        server.url(),
        `SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls,
                (SELECT count(*)::int FROM pg_auth_members m WHERE m.member = r.oid) AS memberships
           FROM pg_roles r WHERE rolname = '${SERVICE_ROLE}'`,
      ),
    ).toEqual([
      {
        rolcanlogin: true,
        rolsuper: false,
        rolcreatedb: false,
        rolcreaterole: false,
        rolreplication: false,
        rolbypassrls: false,
        memberships: 0,
      },
    ]);
    // Another process (the command line) gets the same role and password, and tightens the role
    // again if someone widened it.
    await query(
      server.url(),
      `ALTER ROLE ${SERVICE_ROLE} SUPERUSER; GRANT pg_write_all_data TO ${SERVICE_ROLE}`,
    );
    const again = await EmbeddedPostgres.start({ dataDir: dir, serviceRole: SERVICE_ROLE });
    expect((await state()).servicePassword).toBe(servicePassword);
    expect(
      await query(
        again.serviceUrl(),
        `SELECT rolsuper, (SELECT count(*)::int FROM pg_auth_members m WHERE m.member = r.oid) AS n
           FROM pg_roles r WHERE rolname = current_user`,
      ),
    ).toEqual([{ rolsuper: false, n: 0 }]);
  });

  it('gives a folder made before service roles existed a password, kept across a stop', async () => {
    const { servicePassword, ...older } = await state();
    await writeFile(path.join(dir, 'embedded-postgres.json'), JSON.stringify(older));
    const upgraded = await EmbeddedPostgres.start({ dataDir: dir, serviceRole: SERVICE_ROLE });
    const renewed = (await state()).servicePassword;
    expect(renewed).toEqual(expect.stringMatching(/^[\w-]{24}$/));
    expect(renewed).not.toBe(servicePassword);
    expect(await query(upgraded.serviceUrl(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    // The old password no longer opens the role.
    await expect(
      query(upgraded.serviceUrl().replace(String(renewed), String(servicePassword)), 'SELECT 1'),
    ).rejects.toThrow(/password authentication failed/);
  });

  it('recovers from a stale lock left by a server that died', async () => {
    const { ownsServer } = server;
    expect(ownsServer).toBe(true);
    const { servicePassword } = await state();
    await server.stop();
    // Stopping forgets the port and the owner, never a password.
    expect(await state()).toEqual({ password: expect.any(String), servicePassword });
    const lock = path.join(server.pgData, 'postmaster.pid');
    await writeFile(lock, `${deadPid()}\n${server.pgData}\n0\n5999\n\n127.0.0.1\n0 0\nready\n`);
    server = await EmbeddedPostgres.start({ dataDir: dir, database: 'sanctrace', ephemeral: true });
    expect(server.ownsServer).toBe(true);
    expect(await query(server.url(), 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
  });
});
