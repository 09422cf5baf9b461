import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The same server as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export const uniqueDatabaseName = (prefix: string): string =>
  `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

/** Runs `work` on a connection of its own to `url`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const onMaintenanceDb = <T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> =>
  withClient(withDatabase(url, 'postgres'), work);

export const createDatabase = (url: string, name: string, template?: string): Promise<void> =>
  onMaintenanceDb(url, async (c) => {
    const from = template ? ` TEMPLATE ${c.escapeIdentifier(template)}` : '';
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}${from}`);
  });

export const dropDatabase = (url: string, name: string): Promise<void> =>
  onMaintenanceDb(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
  });

/** Runs `work` against a new empty database on the server of `url`, dropped afterwards. */
export async function withScratchDatabase<T>(
  url: string,
  work: (scratchUrl: string) => Promise<T>,
): Promise<T> {
  const name = uniqueDatabaseName('sanctrace_scratch');
  await createDatabase(url, name);
  try {
    return await work(withDatabase(url, name));
  } finally {
    await dropDatabase(url, name);
  }
}
