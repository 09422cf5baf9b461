import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `st_<prefix>_<secret>`: 8 hex characters to find the key by, and 32 random
 * bytes. Only the prefix and the SHA-256 of the whole key are stored: a key is shown once.
 * (A fast hash is right here: the secret is 256 random bits, not a password to brute-force.)
 */
const KEY = /^st_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  secret: string;
  prefix: string;
  keyHash: string;
}

export const hashApiKey = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

export function generateApiKey(): NewApiKey {
  const prefix = randomBytes(4).toString('hex');
  const secret = `st_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix, keyHash: hashApiKey(secret) };
}

/** The prefix of a well-formed key, else null. */
export const apiKeyPrefix = (secret: string): string | null => KEY.exec(secret)?.[1] ?? null;

/** Compares a presented key with a stored hash in constant time. */
export function apiKeyMatches(secret: string, keyHash: string): boolean {
  const a = Buffer.from(hashApiKey(secret), 'hex');
  const b = Buffer.from(keyHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The key of an `Authorization: Bearer <key>` header, else null. */
export function bearerKey(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
