import type { Settings } from '../config/env.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/** The database the settings point at: DATABASE_URL, or the embedded server in DATA_DIR. */
export interface DatabaseHandle {
  url: string;
  embedded?: EmbeddedPostgres;
  /** Stops the embedded server if this process owns it; nothing for DATABASE_URL. */
  close(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'sanctrace';

export async function openDatabase(
  settings: Settings,
  log: (message: string) => void = () => undefined,
): Promise<DatabaseHandle> {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, close: () => Promise.resolve() };
  const embedded = await EmbeddedPostgres.start({
    dataDir: settings.dataDir,
    database: EMBEDDED_DATABASE,
    log,
  });
  return { url: embedded.url(), embedded, close: () => embedded.stop() };
}
