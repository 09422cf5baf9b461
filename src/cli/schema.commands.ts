import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Command } from 'commander';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createApp } from '../app.factory.js';
import { projectRoot } from '../common/project-root.js';
import { withDatabase } from './context.js';

export const SCHEMA_FILE = path.join(projectRoot, 'schema.gql');

/** The service's GraphQL schema, sorted, as committed in schema.gql. */
async function printServiceSchema(
  databaseUrl: string,
  settings: Parameters<typeof createApp>[0]['settings'],
) {
  const app = await createApp({ settings, databaseUrl });
  try {
    return printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
  } finally {
    await app.close();
  }
}

export function registerSchemaCommands(program: Command): void {
  program
    .command('schema:write')
    .description('write the sorted GraphQL schema to schema.gql')
    .action(() =>
      withDatabase(async ({ db, settings }) => {
        await writeFile(SCHEMA_FILE, await printServiceSchema(db.url, quiet(settings)));
        console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE) || SCHEMA_FILE}`);
      }),
    );

  program
    .command('schema:check')
    .description('fail when schema.gql differs from the schema the code builds')
    .action(() =>
      withDatabase(async ({ db, settings }) => {
        const built = await printServiceSchema(db.url, quiet(settings));
        const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
        if (built === committed) return console.log('schema.gql is up to date');
        console.error(
          'schema.gql differs from the schema the code builds: run `npm run schema:write` and commit it',
        );
        process.exitCode = 1;
      }),
    );
}

const quiet = <T extends { LOG_LEVEL: string }>(settings: T): T =>
  Object.assign(settings, { LOG_LEVEL: 'warn' });
