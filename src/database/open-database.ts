import type { Settings } from '../config/env.js';
import { withClient } from './admin.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { grantServiceRole, SERVICE_ROLE } from './service-role.js';

/**
 * The database the settings point at: DATABASE_URL, or the embedded server in DATA_DIR. Two
 * connections: the service's own, whose role owns no table and cannot silence a trigger, and the
 * privileged one that migrations and setup use.
 */
export interface DatabaseHandle {
  /** The service's connection: the embedded service role, or DATABASE_URL. */
  url: string;
  /** Migrations and setup: the embedded superuser, or DATABASE_ADMIN_URL (else DATABASE_URL). */
  adminUrl: string;
  /** The role of `url` when it is not the role of `adminUrl`: it gets the service's grants. */
  serviceRole?: string;
  embedded?: EmbeddedPostgres;
  /** Grants the service role what it needs (after migrations: new tables follow). */
  grant(): Promise<void>;
  /** Stops the embedded server if this process owns it; nothing for DATABASE_URL. */
  close(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'sanctrace';

const currentUser = (url: string): Promise<string> =>
  withClient(
    url,
    async (c) => (await c.query<{ u: string }>('SELECT current_user AS u')).rows[0].u,
  );

/** Opens the database and grants the service role what it needs on the tables there now. */
export async function openDatabase(
  settings: Settings,
  log: (message: string) => void = () => undefined,
): Promise<DatabaseHandle> {
  let handle: Omit<DatabaseHandle, 'grant'>;
  if (settings.DATABASE_URL) {
    const url = settings.DATABASE_URL;
    const adminUrl = settings.DATABASE_ADMIN_URL ?? url;
    let serviceRole: string | undefined;
    if (adminUrl !== url) {
      const [service, admin] = await Promise.all([currentUser(url), currentUser(adminUrl)]);
      if (service !== admin) serviceRole = service;
    }
    handle = { url, adminUrl, serviceRole, close: () => Promise.resolve() };
  } else {
    const embedded = await EmbeddedPostgres.start({
      dataDir: settings.dataDir,
      database: EMBEDDED_DATABASE,
      serviceRole: SERVICE_ROLE,
      log,
    });
    handle = {
      url: embedded.serviceUrl(),
      adminUrl: embedded.url(),
      serviceRole: SERVICE_ROLE,
      embedded,
      close: () => embedded.stop(),
    };
  }
  const { adminUrl, serviceRole } = handle;
  const grant = async () => {
    if (serviceRole) await withClient(adminUrl, (c) => grantServiceRole(c, serviceRole));
  };
  try {
    await grant();
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { ...handle, grant };
}
