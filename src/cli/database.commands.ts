import type { Command } from 'commander';
import { revertLastMigration, runMigrations } from '../database/migrate.js';
import { schemaDiff } from '../database/schema-diff.js';
import { withAdminDataSource, withDatabase } from './context.js';
import { writeMigration } from './migration-file.js';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('run the pending migrations')
    .action(() =>
      withAdminDataSource(async (ds) => {
        const done = await runMigrations(ds);
        console.log(
          done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'schema is up to date',
        );
      }),
    );

  program
    .command('migrate:revert')
    .description('revert the last applied migration')
    .action(() =>
      withAdminDataSource(async (ds) => {
        await revertLastMigration(ds);
        console.log('reverted the last migration');
      }),
    );

  program
    .command('migration:generate')
    .argument('<name>', 'what the migration does, in a few words (kebab-case)')
    .description('write a migration for what the entities need and the migrations lack')
    .action((name: string) =>
      withDatabase(async ({ db }) => {
        const diff = await schemaDiff(db.adminUrl);
        if (!diff.up.length) return console.log('no changes: the migrations match the entities');
        console.log(`wrote ${await writeMigration(name, diff)}: review its SQL before committing`);
      }),
    );

  program
    .command('migration:check')
    .description('fail when the entities and the migrations disagree')
    .action(() =>
      withDatabase(async ({ db }) => {
        const diff = await schemaDiff(db.adminUrl);
        if (!diff.up.length) return console.log('migrations match the entities');
        console.error(
          `the entities need changes that no migration makes:\n${diff.up.join(';\n')};`,
        );
        process.exitCode = 1;
      }),
    );
}
