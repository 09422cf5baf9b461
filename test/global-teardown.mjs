import { dropDatabase } from '../dist/src/database/admin.js';

export default async function globalTeardown() {
  const templates = globalThis.__SANCTRACE_TEMPLATES__;
  if (templates) for (const name of templates.names) await dropDatabase(templates.serverUrl, name);
  if (globalThis.__SANCTRACE_PG__) await globalThis.__SANCTRACE_PG__.destroy();
}
