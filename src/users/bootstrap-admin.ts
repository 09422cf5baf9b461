import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { UsersService } from './users.service.js';

/** Any number, the same in every process: two first starts make one admin key. */
const BOOTSTRAP_LOCK = 7_261_003;
export const ADMIN_EMAIL = 'admin@localhost';
export const adminKeyFile = (dataDir: string) => path.join(dataDir, 'admin-key');

/**
 * On a database without users: an ADMIN key, written to DATA_DIR/admin-key (mode 0600) and answered
 * so the caller can print it once. Otherwise null. The file is written before the transaction
 * commits, so a key that could not be saved is not created either.
 */
export async function bootstrapAdminKey(ds: DataSource, dataDir: string): Promise<string | null> {
  const users = new UsersService(ds, new AuditService(ds));
  return ds.transaction(async (em) => {
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
    await writeFile(adminKeyFile(dataDir), `${secret}\n`, { mode: 0o600 });
    return secret;
  });
}
