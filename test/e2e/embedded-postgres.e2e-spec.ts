import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres.js';

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

  it('recovers from a stale lock left by a server that died', async () => {
    const { ownsServer } = server;
    expect(ownsServer).toBe(true);
    await server.stop();
    const lock = path.join(server.pgData, 'postmaster.pid');
    await writeFile(lock, `${deadPid()}\n${server.pgData}\n0\n5999\n\n127.0.0.1\n0 0\nready\n`);
    server = await EmbeddedPostgres.start({ dataDir: dir, database: 'sanctrace', ephemeral: true });
    expect(server.ownsServer).toBe(true);
    expect(await query(server.url(), 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
  });
});
