import { dropDatabase } from '../src/database/admin.js';
import type { EmbeddedPostgres } from '../src/database/embedded-postgres.js';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const templates = g.__SANCTRACE_TEMPLATES__ as { serverUrl: string; names: string[] } | undefined;
  if (templates) for (const name of templates.names) await dropDatabase(templates.serverUrl, name);
  const pg = g.__SANCTRACE_PG__ as EmbeddedPostgres | undefined;
  if (pg) await pg.destroy();
}
