import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import { getDataSourceToken } from '@nestjs/typeorm';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { createApp } from './app.factory.js';
import { loadSettings, SettingsError, type Settings } from './config/env.js';
import { createDataSource } from './database/data-source.js';
import { runMigrations } from './database/migrate.js';
import { openDatabase } from './database/open-database.js';
import { appendOnlyBypasses } from './database/service-role.js';
import { describeSeedReport, seedDatabase } from './seed/seed.js';
import { adminKeyFile, bootstrapAdminKey } from './users/bootstrap-admin.js';

let settings: Settings;
try {
  settings = loadSettings();
} catch (error) {
  process.stderr.write(`${error instanceof SettingsError ? error.message : String(error)}\n`);
  process.exit(1);
}

const log = pino({ level: settings.LOG_LEVEL });
const db = await openDatabase(settings, (message) => log.info(message));

// On the privileged connection: migrate, grant the service role what it needs on the tables that
// now exist, load reference (and, on an empty database, demo) data, make the first key.
const ds = await createDataSource(db.adminUrl).initialize();
try {
  const applied = await runMigrations(ds).catch((error: unknown) => {
    // A service role that owns nothing may serve a database migrated apart, but cannot migrate it.
    if ((error as { code?: string }).code !== '42501') throw error;
    throw new Error(
      'migrations are pending and the role of DATABASE_URL may not run them: set DATABASE_ADMIN_URL ' +
        'to the role that owns the schema, or run `npm run cli -- migrate` with it first',
      { cause: error },
    );
  });
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  await db.grant();
  const report = await seedDatabase(ds);
  log.info(report, describeSeedReport(report));
  await mkdir(settings.dataDir, { recursive: true });
  const keyFile = adminKeyFile(settings.dataDir, settings.DATABASE_URL);
  const adminKey = await bootstrapAdminKey(ds, keyFile);
  if (adminKey) {
    // Printed once, on standard output, beside the log: the key is not kept anywhere else but the file.
    const where = adminKey.written
      ? `shown once; also in ${keyFile}, mode 0600`
      : `shown once, and only here: ${keyFile} exists and belongs to another database, so it was left as it is`;
    process.stdout.write(
      `\nAn ADMIN API key was created (${where}):\n\n` +
        `  ${adminKey.secret}\n\nSend it as: Authorization: Bearer <key>\n\n`,
    );
  }
} finally {
  await ds.destroy();
}

// The service's own connection: a role that cannot rewrite the audit trail or the chain of custody.
const app = await createApp({ settings, databaseUrl: db.url });
const bypasses = await appendOnlyBypasses(app.get<DataSource>(getDataSourceToken()));
if (bypasses.length) {
  log.warn(
    { bypasses },
    `the service's database role ${bypasses.join('; ')}: it could rewrite or erase the audit trail ` +
      'and the chain of custody.' +
      (db.embedded
        ? ''
        : ' Give DATABASE_URL a role that owns nothing, and DATABASE_ADMIN_URL the role that ' +
          'migrates (README, "Your own PostgreSQL").'),
  );
}
const host = settings.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1';
await app.listen(settings.PORT, host);
const url = await app.getUrl();
log.info(`GraphQL ready at ${url.replace('[::1]', 'localhost')}/graphql`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: shutting down`);
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', (s) => void stop(s));
process.on('SIGTERM', (s) => void stop(s));
