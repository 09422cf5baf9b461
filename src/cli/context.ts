import type { DataSource } from 'typeorm';
import { loadSettings, type Settings } from '../config/env.js';
import { createDataSource } from '../database/data-source.js';
import { openDatabase, type DatabaseHandle } from '../database/open-database.js';

export interface CliContext {
  settings: Settings;
  db: DatabaseHandle;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * Opens the database the settings name, as the service does: DATABASE_URL, or the embedded server
 * in DATA_DIR, found if the service runs it, started (and stopped afterwards) if nothing does.
 */
export async function withDatabase<T>(work: (ctx: CliContext) => Promise<T>): Promise<T> {
  const settings = loadSettings();
  const db = await openDatabase(settings, log);
  try {
    return await work({ settings, db });
  } finally {
    await db.close();
  }
}

async function onDataSource<T>(
  url: string,
  ctx: CliContext,
  work: (ds: DataSource, ctx: CliContext) => Promise<T>,
): Promise<T> {
  const ds = await createDataSource(url).initialize();
  try {
    return await work(ds, ctx);
  } finally {
    await ds.destroy();
  }
}

/** The service's own connection (its role cannot touch the append-only logs): user:create, import. */
export const withDataSource = <T>(
  work: (ds: DataSource, ctx: CliContext) => Promise<T>,
): Promise<T> => withDatabase((ctx) => onDataSource(ctx.db.url, ctx, work));

/**
 * The privileged connection, for migrations and setup. Afterwards the service role's grants are
 * applied again, so that tables a migration made are covered.
 */
export const withAdminDataSource = <T>(
  work: (ds: DataSource, ctx: CliContext) => Promise<T>,
): Promise<T> =>
  withDatabase(async (ctx) => {
    const result = await onDataSource(ctx.db.adminUrl, ctx, work);
    await ctx.db.grant();
    return result;
  });
