import { withScratchDatabase } from './admin.js';
import { createDataSource } from './data-source.js';
import { runMigrations } from './migrate.js';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * What the entities need that the migrations do not create: every migration is run on a scratch
 * database, then TypeORM's schema builder compares it with the entities. Empty when they agree.
 */
export async function schemaDiff(serverUrl: string): Promise<SchemaDiff> {
  return withScratchDatabase(serverUrl, async (url) => {
    const ds = await createDataSource(url).initialize();
    try {
      await runMigrations(ds);
      const sql = await ds.driver.createSchemaBuilder().log();
      const text = (q: { query: string; parameters?: unknown[] }) =>
        q.parameters?.length ? `${q.query} -- ${JSON.stringify(q.parameters)}` : q.query;
      return { up: sql.upQueries.map(text), down: sql.downQueries.map(text).reverse() };
    } finally {
      await ds.destroy();
    }
  });
}
