import { FAILED_KEYS } from '../../src/auth/authenticate.hook.js';
import { SYSTEM_ACTOR } from '../../src/auth/auth-user.js';
import { Role } from '../../src/auth/role.enum.js';
import { UsersService } from '../../src/users/users.service.js';
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

describe('a key never carries more than its user (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  const UPDATE_USER =
    'mutation($input: UpdateUserInput!) { updateUser(input: $input) { role version } }';
  const setRole = async (email: string, role: Role) => {
    const [user] = await t.ds.query('SELECT id, version FROM app_user WHERE email = $1', [email]);
    const res = await t.gql(
      UPDATE_USER,
      { input: { id: user.id, expectedVersion: user.version, role } },
      { as: Role.ADMIN },
    );
    expect(res.errors).toBeUndefined();
  };

  it('acts with the user’s current role from the next request on, whatever the key says', async () => {
    const created = await t.gql(
      CREATE_KEY,
      { input: { email: 'demoted@example.org', role: 'ADMIN' } },
      { as: Role.ADMIN },
    );
    const { secret } = created.data.createApiKey;
    expect((await t.gql(ME, {}, { key: secret })).data.me.role).toBe('ADMIN');

    await setRole('demoted@example.org', Role.ANALYST);
    expect((await t.gql(ME, {}, { key: secret })).data.me.role).toBe('ANALYST');
    const [{ n: before }] = await t.ds.query('SELECT count(*)::int AS n FROM api_key');
    const escalate = await t.gql(
      CREATE_KEY,
      { input: { email: 'demoted@example.org', role: 'ADMIN' } },
      { key: secret },
    );
    expect(escalate.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const list = await t.gql('{ apiKeys(first: 5) { totalCount } }', {}, { key: secret });
    expect(list.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [{ n: after }] = await t.ds.query('SELECT count(*)::int AS n FROM api_key');
    expect(after).toBe(before);

    await setRole('demoted@example.org', Role.ADMIN);
    expect((await t.gql(ME, {}, { key: secret })).data.me.role).toBe('ADMIN');
  });

  it('gives a key no more than its own role, however high its user', async () => {
    const created = await t.gql(
      CREATE_KEY,
      { input: { email: 'chief@example.org', role: 'INVESTIGATOR' } },
      { as: Role.ADMIN },
    );
    await setRole('chief@example.org', Role.ADMIN);
    const me = await t.gql(ME, {}, { key: created.data.createApiKey.secret });
    expect(me.data.me.role).toBe('INVESTIGATOR');
  });

  it('lets a caller grant at most its own role', async () => {
    const users = t.app.get(UsersService);
    const input = { email: 'granted@example.org', role: Role.ADMIN };
    await expect(users.createApiKey(SYSTEM_ACTOR, input, Role.INVESTIGATOR)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM app_user WHERE email = 'granted@example.org'`,
    );
    expect(n).toBe(0);
    const ok = await users.createApiKey(
      SYSTEM_ACTOR,
      { ...input, role: Role.COMPLIANCE },
      Role.ADMIN,
    );
    expect(ok.apiKey.role).toBe(Role.COMPLIANCE);
  });
});

describe('wrong keys are rate limited by address (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  const madeUp = (i: number) => `st_${i.toString(16).padStart(8, '0')}_${'A'.repeat(43)}`;
  const ask = (remoteAddress: string, key: string) =>
    t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/graphql',
        remoteAddress,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        payload: { query: ME },
      });
  const keyLookups = () => t.queries.statements.filter((q) => q.includes('FROM api_key k')).length;

  it('refuses an address after its budget of wrong keys, before the database is asked', async () => {
    t.queries.reset();
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await ask('203.0.113.7', madeUp(i))).statusCode);
    expect(statuses.slice(0, FAILED_KEYS.perMinute).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(FAILED_KEYS.perMinute).every((s) => s === 429)).toBe(true);
    expect(keyLookups()).toBe(FAILED_KEYS.perMinute);
    const limited = await ask('203.0.113.7', madeUp(1));
    expect(limited.headers['retry-after']).toEqual(expect.stringMatching(/^\d+$/));
    expect(limited.json().errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
  });

  it('does not lock out other addresses', async () => {
    for (let i = 0; i < 100; i++) await ask('203.0.113.8', madeUp(i));
    expect((await ask('203.0.113.8', madeUp(0))).statusCode).toBe(429);
    const valid = await ask('198.51.100.1', await t.keyFor(Role.ANALYST));
    expect(valid.statusCode).toBe(200);
    expect((await ask('198.51.100.2', madeUp(0))).statusCode).toBe(401);
    // An IPv6 subscriber's /64 is one address; the next /64 is another.
    for (let i = 0; i < 100; i++) await ask(`2001:db8:0:1::${i.toString(16)}`, madeUp(i));
    expect((await ask('2001:db8:0:1:ffff::1', madeUp(0))).statusCode).toBe(429);
    expect((await ask('2001:db8:0:2::1', madeUp(0))).statusCode).toBe(401);
  });
});
