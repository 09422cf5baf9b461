// Runs outside jest's module system, so it loads the compiled code (`npm test` builds first).
import 'reflect-metadata';
import { createHmac } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { URL } from 'node:url';

import {
  createDatabase,
  uniqueDatabaseName,
  withClient,
  withDatabase,
} from '../dist/src/database/admin.js';
import { createDataSource } from '../dist/src/database/data-source.js';
import { EmbeddedPostgres } from '../dist/src/database/embedded-postgres.js';
import { runMigrations } from '../dist/src/database/migrate.js';
import { ensureServiceRole, grantServiceRole } from '../dist/src/database/service-role.js';
import { seedDatabase } from '../dist/src/seed/seed.js';

/** The unprivileged role the tests run the service as, as the embedded default does. */
const TEST_SERVICE_ROLE = 'sanctrace_test_service';

/**
 * One PostgreSQL server for the run: DATABASE_URL when set, else an embedded one in a temp folder.
 * Two template databases are made once: migrated, and migrated + seeded. Each e2e file clones one.
 * The service runs as TEST_SERVICE_ROLE, which owns nothing (the templates grant it what it needs).
 */
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  let serviceServerUrl;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), 'sanctrace-test-'));
    const server = await EmbeddedPostgres.start({
      dataDir: dir,
      ephemeral: true,
      serviceRole: TEST_SERVICE_ROLE,
    });
    globalThis.__SANCTRACE_PG__ = server;
    serverUrl = server.url();
    serviceServerUrl = server.serviceUrl();
  } else {
    // Roles belong to the whole server, which other runs may share: the role is made once and left
    // in place, with a password every run derives alike from the server's credentials.
    const url = new URL(withDatabase(serverUrl, 'postgres'));
    const password = createHmac('sha256', decodeURIComponent(url.password))
      .update(TEST_SERVICE_ROLE)
      .digest('base64url');
    await withClient(url.toString(), (c) => ensureServiceRole(c, TEST_SERVICE_ROLE, password));
    url.username = TEST_SERVICE_ROLE;
    url.password = password;
    serviceServerUrl = url.toString();
  }
  const migrated = uniqueDatabaseName('sanctrace_tpl');
  const seeded = `${migrated}_seeded`;
  await createDatabase(serverUrl, migrated);
  const ds = await createDataSource(withDatabase(serverUrl, migrated)).initialize();
  await runMigrations(ds);
  await ds.destroy();
  // Table grants live in the database: every clone of the template has them.
  await withClient(withDatabase(serverUrl, migrated), (c) =>
    grantServiceRole(c, TEST_SERVICE_ROLE),
  );
  await createDatabase(serverUrl, seeded, migrated);
  const seededDs = await createDataSource(withDatabase(serverUrl, seeded)).initialize();
  await seedDatabase(seededDs);
  await seededDs.destroy();

  process.env.SANCTRACE_TEST_SERVER = serverUrl;
  process.env.SANCTRACE_TEST_SERVICE_SERVER = serviceServerUrl;
  process.env.SANCTRACE_TEST_TEMPLATE = migrated;
  process.env.SANCTRACE_TEST_TEMPLATE_SEEDED = seeded;
  globalThis.__SANCTRACE_TEMPLATES__ = { serverUrl, names: [seeded, migrated] };
  // No test reaches a database by accident through the app's own settings.
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_ADMIN_URL;
}
