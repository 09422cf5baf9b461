// Runs outside jest's module system, so it loads the compiled code (`npm test` builds first).
import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, uniqueDatabaseName, withDatabase } from '../dist/src/database/admin.js';
import { createDataSource } from '../dist/src/database/data-source.js';
import { EmbeddedPostgres } from '../dist/src/database/embedded-postgres.js';
import { runMigrations } from '../dist/src/database/migrate.js';
import { seedDatabase } from '../dist/src/seed/seed.js';

/**
 * One PostgreSQL server for the run: DATABASE_URL when set, else an embedded one in a temp folder.
 * Two template databases are made once: migrated, and migrated + seeded. Each e2e file clones one.
 */
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), 'sanctrace-test-'));
    const pg = await EmbeddedPostgres.start({ dataDir: dir, ephemeral: true });
    globalThis.__SANCTRACE_PG__ = pg;
    serverUrl = pg.url();
  }
  const migrated = uniqueDatabaseName('sanctrace_tpl');
  const seeded = `${migrated}_seeded`;
  await createDatabase(serverUrl, migrated);
  const ds = await createDataSource(withDatabase(serverUrl, migrated)).initialize();
  await runMigrations(ds);
  await ds.destroy();
  await createDatabase(serverUrl, seeded, migrated);
  const seededDs = await createDataSource(withDatabase(serverUrl, seeded)).initialize();
  await seedDatabase(seededDs);
  await seededDs.destroy();

  process.env.SANCTRACE_TEST_SERVER = serverUrl;
  process.env.SANCTRACE_TEST_TEMPLATE = migrated;
  process.env.SANCTRACE_TEST_TEMPLATE_SEEDED = seeded;
  globalThis.__SANCTRACE_TEMPLATES__ = { serverUrl, names: [seeded, migrated] };
  // No test reaches a database by accident through the app's own settings.
  delete process.env.DATABASE_URL;
}
