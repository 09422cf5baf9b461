import {
  apiKeyMatches,
  apiKeyPrefix,
  bearerKey,
  generateApiKey,
  hashApiKey,
} from './api-key.secret.js';

describe('API key secrets', () => {
  it('generates distinct keys whose prefix and hash can be found again', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.secret).not.toBe(b.secret);
    expect(a.secret).toMatch(/^st_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyPrefix(a.secret)).toBe(a.prefix);
    expect(a.keyHash).toBe(hashApiKey(a.secret));
    expect(a.keyHash).not.toContain(a.secret);
  });

  it('matches only the same key', () => {
    const a = generateApiKey();
    expect(apiKeyMatches(a.secret, a.keyHash)).toBe(true);
    expect(apiKeyMatches(`${a.secret.slice(0, -1)}x`, a.keyHash)).toBe(false);
    expect(apiKeyMatches(a.secret, 'ab')).toBe(false);
  });

  it('rejects malformed keys and headers', () => {
    expect(apiKeyPrefix('st_zz_abc')).toBeNull();
    expect(apiKeyPrefix('')).toBeNull();
    expect(bearerKey('Bearer abc')).toBe('abc');
    expect(bearerKey('bearer  abc ')).toBe('abc');
    expect(bearerKey('Basic abc')).toBeNull();
    expect(bearerKey(undefined)).toBeNull();
    expect(bearerKey(['Bearer a', 'Bearer b'])).toBeNull();
  });
});
