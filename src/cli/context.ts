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

export async function withDataSource<T>(
  work: (ds: DataSource, ctx: CliContext) => Promise<T>,
): Promise<T> {
  return withDatabase(async (ctx) => {
    const ds = await createDataSource(ctx.db.url).initialize();
    try {
      return await work(ds, ctx);
    } finally {
      await ds.destroy();
    }
  });
}
