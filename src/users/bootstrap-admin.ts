import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { UsersService } from './users.service.js';

/** Any number, the same in every process: two first starts make one admin key. */
const BOOTSTRAP_LOCK = 7_261_003;
export const ADMIN_EMAIL = 'admin@localhost';

/**
 * Where the first ADMIN key of a database goes: `DATA_DIR/admin-key` for the embedded database, and
 * for DATABASE_URL a file named for that database (`admin-key.<host>-<port>-<database>`), so that a
 * checkout used with both keeps each database's key apart.
 */
export function adminKeyFile(dataDir: string, databaseUrl?: string): string {
  if (!databaseUrl) return path.join(dataDir, 'admin-key');
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username);
  const name = [url.hostname || 'localhost', url.port || '5432', database || 'postgres']
    .join('-')
    .replace(/[^A-Za-z0-9._-]/g, '_');
  return path.join(dataDir, `admin-key.${name}`);
}

export interface BootstrapKey {
  secret: string;
  /**
   * False when `keyFile` already existed: a database without users holds no key, so that file
   * belongs to another database (or an earlier one of the same name) and is never overwritten.
   * The caller prints the key, which is then its only copy.
   */
  written: boolean;
}

/**
 * On a database without users: an ADMIN key, written to `keyFile` (mode 0600) unless that file exists,
 * and answered so the caller can print it once. Otherwise null. The file is written before the
 * transaction commits and removed if it fails, so no file holds a key that was not created.
 */
export async function bootstrapAdminKey(
  ds: DataSource,
  keyFile: string,
): Promise<BootstrapKey | null> {
  const users = new UsersService(ds, new AuditService(ds));
  let written = false;
  try {
    return await ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const [{ empty }]: { empty: boolean }[] = await em.query(
        'SELECT NOT EXISTS (SELECT 1 FROM app_user) AS empty',
      );
      if (!empty) return null;
      const { secret } = await users.createApiKeyIn(em, SYSTEM_ACTOR, {
        email: ADMIN_EMAIL,
        role: Role.ADMIN,
        label: 'created on first start',
      });
      written = await writeNewFile(keyFile, `${secret}\n`);
      return { secret, written };
    });
  } catch (error) {
    if (written) await rm(keyFile, { force: true });
    throw error;
  }
}

/** Creates `file` (mode 0600) with `text`; false, and nothing written, when it exists. */
const writeNewFile = (file: string, text: string): Promise<boolean> =>
  writeFile(file, text, { mode: 0o600, flag: 'wx' }).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    },
  );
