import type { DataSource, Migration } from 'typeorm';

/** Any number, the same in every process: serializes migrations between concurrent starts. */
const MIGRATION_LOCK = 7_261_001;

/** Runs pending migrations, one transaction each, holding an advisory lock. */
export async function runMigrations(ds: DataSource): Promise<Migration[]> {
  return withMigrationLock(ds, () => ds.runMigrations({ transaction: 'each' }));
}

export async function revertLastMigration(ds: DataSource): Promise<void> {
  await withMigrationLock(ds, () => ds.undoLastMigration({ transaction: 'each' }));
}

async function withMigrationLock<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
