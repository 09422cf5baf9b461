import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Role, roleIncludes } from './role.enum.js';
import { apiKeyMatches, apiKeyPrefix, hashApiKey } from './api-key.secret.js';
import type { AuthUser } from './auth-user.js';

interface KeyRow {
  id: string;
  key_hash: string;
  role: Role;
  user_role: Role;
  user_id: string;
  email: string;
}

/**
 * Finds the user of an API key in one statement, which also records when the key was last used
 * (at most once a minute, so reads do not turn into a write per request).
 */
const FIND_KEY = `
  WITH k AS (
    SELECT k.id, k.key_hash, k.role, k.last_used_at, u.role AS user_role, u.id AS user_id, u.email
      FROM api_key k JOIN app_user u ON u.id = k.user_id
     WHERE k.prefix = $1 AND k.revoked_at IS NULL AND u.disabled_at IS NULL
  ), touched AS (
    UPDATE api_key SET last_used_at = now()
      FROM k
     WHERE api_key.id = k.id AND k.key_hash = $2
       AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute')
  )
  SELECT id, key_hash, role, user_role, user_id, email FROM k`;

/** The lower of two roles. */
const lower = (a: Role, b: Role): Role => (roleIncludes(a, b) ? b : a);

@Injectable()
export class AuthService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The user of a valid, unrevoked key of an enabled user; else null. The request acts with the
   * lower of the key's role and the user's current one: a key never carries more than its user,
   * and a demotion holds from the user's next request.
   */
  async authenticate(secret: string | null): Promise<AuthUser | null> {
    const prefix = secret && apiKeyPrefix(secret);
    if (!secret || !prefix) return null;
    const rows: KeyRow[] = await this.ds.query(FIND_KEY, [prefix, hashApiKey(secret)]);
    const row = rows[0];
    if (!row || !apiKeyMatches(secret, row.key_hash)) return null;
    return {
      userId: row.user_id,
      email: row.email,
      role: lower(row.role, row.user_role),
      apiKeyId: row.id,
    };
  }
}
