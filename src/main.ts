import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import { pino } from 'pino';
import { createApp } from './app.factory.js';
import { loadSettings, SettingsError, type Settings } from './config/env.js';
import { createDataSource } from './database/data-source.js';
import { runMigrations } from './database/migrate.js';
import { openDatabase } from './database/open-database.js';
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

// Migrate and load reference (and, on an empty database, demo) data before serving.
const ds = await createDataSource(db.url).initialize();
try {
  const applied = await runMigrations(ds);
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  const report = await seedDatabase(ds);
  log.info(report, describeSeedReport(report));
  await mkdir(settings.dataDir, { recursive: true });
  const adminKey = await bootstrapAdminKey(ds, settings.dataDir);
  if (adminKey) {
    // Printed once, on standard output, beside the log: the key is not kept anywhere else but the file.
    process.stdout.write(
      `\nAn ADMIN API key was created (shown once; also in ${adminKeyFile(settings.dataDir)}, mode 0600):\n\n` +
        `  ${adminKey}\n\nSend it as: Authorization: Bearer <key>\n\n`,
    );
  }
} finally {
  await ds.destroy();
}

const app = await createApp({ settings, databaseUrl: db.url });
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
