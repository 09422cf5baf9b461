import type { Command } from 'commander';
import { runMigrations } from '../database/migrate.js';
import { describeSeedReport, seedDatabase } from '../seed/seed.js';
import { withAdminDataSource } from './context.js';

export function registerSeedCommands(program: Command): void {
  program
    .command('seed')
    .description(
      'migrate, load the reference data, and load the demo dataset into a database without organizations',
    )
    .option('--no-demo', 'load the reference data only')
    .action((options: { demo: boolean }) =>
      withAdminDataSource(async (ds) => {
        await runMigrations(ds);
        const report = await seedDatabase(ds, { demo: options.demo });
        console.log(
          describeSeedReport(report) +
            (!report.demo && options.demo ? ' (the database already has organizations)' : ''),
        );
      }),
    );
}
