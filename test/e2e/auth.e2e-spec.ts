import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const ME = '{ me { email role } }';
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id prefix role user { email } } }
}`;
const REVOKE_KEY = 'mutation($id: ID!) { revokeApiKey(input: { id: $id }) { id revokedAt } }';

describe('API keys and roles (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  it('answers nothing without a valid key', async () => {
    for (const key of [undefined, 'nonsense', 'st_00000000_' + 'a'.repeat(43)]) {
      const res = await t.gql(ME, {}, { as: null, key });
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeNull();
    }
    const introspection = await t.gql('{ __schema { queryType { name } } }', {}, { as: null });
    expect(introspection.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a key whose prefix is right and secret wrong', async () => {
    const key = await t.keyFor(Role.ANALYST);
    const forged = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await t.gql(ME, {}, { key: forged })).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it.each(Object.values(Role))('tells a %s key who it is', async (role) => {
    const res = await t.gql(ME, {}, { as: role });
    expect(res.data.me).toEqual({ email: `${role.toLowerCase()}@test.sanctrace`, role });
  });

  it('lets an admin create a key, shown once and stored only as a hash', async () => {
    const res = await t.gql(
      CREATE_KEY,
      { input: { email: 'Ana@Example.org', role: 'COMPLIANCE', label: 'screening' } },
      { as: Role.ADMIN },
    );
    expect(res.errors).toBeUndefined();
    const { secret, apiKey } = res.data.createApiKey;
    expect(secret.startsWith(`st_${apiKey.prefix}_`)).toBe(true);
    expect(apiKey).toMatchObject({ role: 'COMPLIANCE', user: { email: 'Ana@Example.org' } });
    const me = await t.gql(ME, {}, { key: secret });
    expect(me.data.me).toEqual({ email: 'Ana@Example.org', role: 'COMPLIANCE' });

    const [row] = await t.ds.query('SELECT * FROM api_key WHERE id = $1', [apiKey.id]);
    // The random part may itself hold `_`: it is all that follows the prefix.
    expect(JSON.stringify(row)).not.toContain(secret.slice(`st_${apiKey.prefix}_`.length));
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await t.gql(
      '{ apiKeys(first: 50) { edges { node { prefix } } } }',
      {},
      { as: Role.ADMIN },
    );
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('records when a key was last used', async () => {
    const res = await t.gql(
      CREATE_KEY,
      { input: { email: 'used@example.org', role: 'ANALYST' } },
      { as: Role.ADMIN },
    );
    const { secret, apiKey } = res.data.createApiKey;
    const before = await t.ds.query('SELECT last_used_at FROM api_key WHERE id = $1', [apiKey.id]);
    expect(before[0].last_used_at).toBeNull();
    await t.gql(ME, {}, { key: secret });
    const after = await t.ds.query('SELECT last_used_at FROM api_key WHERE id = $1', [apiKey.id]);
    expect(after[0].last_used_at).toBeInstanceOf(Date);
  });

  it('revokes a key at once', async () => {
    const res = await t.gql(
      CREATE_KEY,
      { input: { email: 'gone@example.org', role: 'INVESTIGATOR' } },
      { as: Role.ADMIN },
    );
    const { secret, apiKey } = res.data.createApiKey;
    expect((await t.gql(ME, {}, { key: secret })).data.me.role).toBe('INVESTIGATOR');
    const revoked = await t.gql(REVOKE_KEY, { id: apiKey.id }, { as: Role.ADMIN });
    expect(revoked.data.revokeApiKey.revokedAt).toEqual(expect.any(String));
    expect((await t.gql(ME, {}, { key: secret })).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const unknown = await t.gql(
      REVOKE_KEY,
      { id: '00000000-0000-4000-8000-000000000000' },
      { as: Role.ADMIN },
    );
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('stops every key of a disabled user', async () => {
    const res = await t.gql(
      CREATE_KEY,
      { input: { email: 'leaver@example.org', role: 'ANALYST' } },
      { as: Role.ADMIN },
    );
    const { secret } = res.data.createApiKey;
    const [user] = await t.ds.query(
      `SELECT id, version FROM app_user WHERE email = 'leaver@example.org'`,
    );
    const update = await t.gql(
      'mutation($input: UpdateUserInput!) { updateUser(input: $input) { disabledAt version } }',
      { input: { id: user.id, expectedVersion: user.version, disabled: true } },
      { as: Role.ADMIN },
    );
    expect(update.errors).toBeUndefined();
    expect((await t.gql(ME, {}, { key: secret })).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('names each bad field of a key request', async () => {
    const res = await t.gql(
      CREATE_KEY,
      { input: { email: 'not-an-email', role: 'ADMIN' } },
      { as: Role.ADMIN },
    );
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual([
      { field: 'email', messages: [expect.stringContaining('email')] },
    ]);
    const role = await t.gql(
      CREATE_KEY,
      { input: { email: 'a@b.org', role: 'KING' } },
      { as: Role.ADMIN },
    );
    expect(role.status).toBe(200);
    expect(role.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses key management below ADMIN and writes nothing', async () => {
    const [{ n: before }] = await t.ds.query('SELECT count(*)::int AS n FROM api_key');
    for (const role of [Role.ANALYST, Role.COMPLIANCE, Role.INVESTIGATOR]) {
      const res = await t.gql(
        CREATE_KEY,
        { input: { email: 'sneaky@example.org', role: 'ADMIN' } },
        { as: role },
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toContain('ADMIN');
    }
    const [{ n: after }] = await t.ds.query('SELECT count(*)::int AS n FROM api_key');
    expect(after).toBe(before);
    const [{ n: users }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM app_user WHERE email = 'sneaky@example.org'`,
    );
    expect(users).toBe(0);
  });
});
