import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../../src/common/project-root.js';
import { freePort } from '../../src/database/embedded-postgres.js';
import { SERVICE_ROLE } from '../../src/database/service-role.js';
import { adminKeyFile } from '../../src/users/bootstrap-admin.js';
import {
  createDatabase,
  dropDatabase,
  uniqueDatabaseName,
  withDatabase,
} from '../../src/database/admin.js';
import { createTestDatabase, testServerUrl, testServiceServerUrl } from './test-app.js';

/**
 * `npm start` as a user runs it: the built service on the embedded default, in a DATA_DIR of its own.
 * (`npm test` builds first; see the `pretest` script.)
 */
const MAIN = path.join(projectRoot, 'dist/src/main.js');
const CLI = path.join(projectRoot, 'dist/src/cli/main.js');
const QUICKSTART =
  '{ components(first: 5) { totalCount edges { node { partNumber manufacturer { name country } } } } }';

describe('npm start on the embedded default (e2e)', () => {
  let dataDir: string;
  let port: number;
  let service: ChildProcess | undefined;
  let output = '';

  const env = () => {
    const e: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    };
    delete e.DATABASE_URL;
    delete e.DATABASE_ADMIN_URL;
    delete e.NODE_OPTIONS;
    return e;
  };

  const start = (overrides: NodeJS.ProcessEnv = {}): Promise<number> =>
    new Promise((resolve, reject) => {
      const began = Date.now();
      output = '';
      service = spawn(process.execPath, [MAIN], {
        env: { ...env(), ...overrides },
        cwd: projectRoot,
      });
      const timer = setTimeout(() => reject(new Error(`not ready in 30 s:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('GraphQL ready at')) {
          clearTimeout(timer);
          resolve(Date.now() - began);
        }
      };
      service.stdout!.on('data', onData);
      service.stderr!.on('data', onData);
      service.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`service exited with ${code}:\n${output}`));
      });
    });

  const stop = (signal: NodeJS.Signals): Promise<number | null> =>
    new Promise((resolve) => {
      const s = service!;
      s.removeAllListeners('exit');
      s.on('exit', (code) => resolve(code));
      s.kill(signal);
      service = undefined;
    });

  const adminKey = () => readFileSync(path.join(dataDir, 'admin-key'), 'utf8').trim();

  const query = async (q: string, key: string | null = adminKey()) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query: q }),
    });
    return (await res.json()) as { data: any; errors?: { extensions: { code: string } }[] };
  };

  const serverRunning = () => existsSync(path.join(dataDir, 'pg', 'postmaster.pid'));

  /** Who the service's connections to the embedded database log in as, seen by the superuser. */
  const serviceLogins = async (): Promise<string[]> => {
    const state = JSON.parse(readFileSync(path.join(dataDir, 'embedded-postgres.json'), 'utf8'));
    const client = new pg.Client({
      connectionString: `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/postgres`,
    });
    await client.connect();
    try {
      const { rows } = await client.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'sanctrace' AND pid <> pg_backend_pid()`,
      );
      return rows.map((r) => r.usename);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'sanctrace-start-'));
    await chmod(parent, 0o755); // mkdtemp makes 0700; the 'postgres' user must reach DATA_DIR
    dataDir = path.join(parent, 'data');
    port = await freePort();
  });
  afterAll(async () => {
    if (service) await stop('SIGTERM');
    await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('answers the quickstart query within 30 s of a first start, and /health', async () => {
    const ms = await start();
    expect(ms).toBeLessThan(30_000);
    // The first start made an ADMIN key, printed it once and wrote it to DATA_DIR/admin-key (0600).
    expect(statSync(path.join(dataDir, 'admin-key')).mode & 0o777).toBe(0o600);
    expect(output).toContain(adminKey());
    expect((await query('{ me { email role } }')).data.me).toEqual({
      email: 'admin@localhost',
      role: 'ADMIN',
    });
    expect((await query('{ me { role } }', null)).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const res = await query(QUICKSTART);
    expect(res.errors).toBeUndefined();
    expect(res.data.components.totalCount).toBeGreaterThanOrEqual(50);
    expect(res.data.components.edges[0].node.manufacturer.name).toEqual(expect.any(String));
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    // The GraphiQL page opens without a key (the queries it sends carry one).
    const graphiql = await fetch(`http://127.0.0.1:${port}/graphiql`);
    expect([graphiql.status, graphiql.headers.get('content-type')]).toEqual([
      200,
      'text/html; charset=utf-8',
    ]);
    // It serves as the service role, which cannot rewrite the audit trail; the superuser that
    // migrated and seeded has left.
    expect(await serviceLogins()).toEqual([SERVICE_ROLE]);
    expect(output).not.toContain('could rewrite or erase');
  });

  it('lets the command line use the running server without starting another', () => {
    const cli = spawnSync(process.execPath, [CLI, 'migrate'], { env: env(), encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('schema is up to date');
    expect(cli.stderr).not.toContain('started');
    expect(serverRunning()).toBe(true);
  });

  it('stops the database cleanly on SIGTERM', async () => {
    expect(await stop('SIGTERM')).toBe(0);
    expect(serverRunning()).toBe(false);
  });

  it('adds nothing on a second start, and keeps the data', async () => {
    const before = (
      await (async () => {
        await start();
        return query(QUICKSTART);
      })()
    ).data.components.totalCount;
    expect(output).toContain('"demo":false');
    expect(output).not.toContain('ADMIN API key was created');
    expect(before).toBeGreaterThanOrEqual(50);
    expect(await stop('SIGINT')).toBe(0);
    await start();
    expect((await query(QUICKSTART)).data.components.totalCount).toBe(before);
  });

  it('recovers after being killed: the next start adopts the database left running', async () => {
    await stop('SIGKILL');
    expect(serverRunning()).toBe(true); // the detached server outlives its owner
    await start();
    expect(output).toContain('adopted');
    expect((await query(QUICKSTART)).errors).toBeUndefined();
    expect(await stop('SIGTERM')).toBe(0);
    expect(serverRunning()).toBe(false);
  });

  it('the command line starts and stops the server when nothing runs', () => {
    const cli = spawnSync(process.execPath, [CLI, 'migrate'], { env: env(), encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stderr).toContain('started');
    expect(serverRunning()).toBe(false);
  });

  it('prints a new key once with `cli user:create`', async () => {
    const cli = spawnSync(
      process.execPath,
      [CLI, 'user:create', '--email', 'ira@example.org', '--role', 'investigator'],
      {
        env: env(),
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(0);
    const key = cli.stdout.trim();
    expect(key).toMatch(/^st_[0-9a-f]{8}_\S{43}$/);
    await start();
    expect((await query('{ me { email role } }', key)).data.me).toEqual({
      email: 'ira@example.org',
      role: 'INVESTIGATOR',
    });
    const bad = spawnSync(
      process.execPath,
      [CLI, 'user:create', '--email', 'x@example.org', '--role', 'king'],
      { env: env(), encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--role');
  });

  it('never overwrites the key file of another database (DATABASE_URL in the same DATA_DIR)', async () => {
    await stop('SIGTERM');
    const embeddedKey = adminKey();
    // Databases without users: the service makes a first key for each.
    const db = await createTestDatabase();
    const other = await createTestDatabase();
    try {
      // As the README has an operator run it: a role that owns nothing, and the owner to migrate.
      await start({ DATABASE_URL: db.serviceUrl, DATABASE_ADMIN_URL: db.url });
      expect(adminKey()).toBe(embeddedKey);
      const file = adminKeyFile(dataDir, db.serviceUrl);
      expect(path.basename(file)).toMatch(/^admin-key\.127\.0\.0\.1-\d+-sanctrace_test_\w+$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const key = readFileSync(file, 'utf8').trim();
      expect(key).not.toBe(embeddedKey);
      expect(output).toContain(key);
      expect(output).not.toContain('could rewrite or erase');
      expect((await query('{ me { email role } }', key)).data.me).toEqual({
        email: 'admin@localhost',
        role: 'ADMIN',
      });
      expect((await query('{ me { role } }', embeddedKey)).errors?.[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(await stop('SIGTERM')).toBe(0);

      // A file of that name before the database had a user is another database's: it is kept,
      // and the new key is printed, once. DATABASE_URL alone, as the owner: the service warns.
      const otherFile = adminKeyFile(dataDir, other.url);
      writeFileSync(otherFile, 'st_00000000_someone-else\n', { mode: 0o600 });
      await start({ DATABASE_URL: other.url });
      expect(readFileSync(otherFile, 'utf8')).toBe('st_00000000_someone-else\n');
      const shown = /shown once, and only here: .* left as it is\):\s+(st_\S+)/.exec(output)?.[1];
      expect((await query('{ me { role } }', shown)).data.me).toEqual({ role: 'ADMIN' });
      expect(output).toContain('could rewrite or erase the audit trail');
      expect(output).toContain('DATABASE_ADMIN_URL');
      expect(adminKey()).toBe(embeddedKey);
      expect(await stop('SIGTERM')).toBe(0);
    } finally {
      await db.drop();
      await other.drop();
    }
  });

  it('serves a database migrated apart with DATABASE_URL alone, as a role that owns nothing', async () => {
    const db = await createTestDatabase();
    const empty = uniqueDatabaseName('sanctrace_test_empty');
    await createDatabase(testServerUrl(), empty);
    try {
      await start({ DATABASE_URL: db.serviceUrl });
      expect(output).not.toContain('could rewrite or erase');
      expect(
        (
          await query(
            '{ me { role } }',
            readFileSync(adminKeyFile(dataDir, db.serviceUrl), 'utf8').trim(),
          )
        ).data.me,
      ).toEqual({ role: 'ADMIN' });
      expect(await stop('SIGTERM')).toBe(0);
      // Nothing migrated yet, and no role to migrate with: the start says what to do.
      const run = spawnSync(process.execPath, [MAIN], {
        env: { ...env(), DATABASE_URL: withDatabase(testServiceServerUrl(), empty) },
        encoding: 'utf8',
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(
        'migrations are pending and the role of DATABASE_URL may not run them',
      );
    } finally {
      await db.drop();
      await dropDatabase(testServerUrl(), empty);
    }
  });

  it('refuses a wrong setting, naming it', () => {
    const run = spawnSync(process.execPath, [MAIN], {
      env: { ...env(), PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT');
  });
});
