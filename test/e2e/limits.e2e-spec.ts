import { setFlagsFromString } from 'node:v8';
import { getIntrospectionQuery } from 'graphql';
import { runInNewContext } from 'node:vm';
import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type GqlResponse, type TestApp } from './test-app.js';

// The heap is measured after a full collection (jest runs without --expose-gc).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;

const nested = (parents: number) =>
  `{ components(first: 1) { edges { node { manufacturer { ${'parent { '.repeat(parents)}name${' }'.repeat(parents)} } } } } }`;

/** No error message may leak internals. */
const expectClean = (res: GqlResponse) => {
  const text = JSON.stringify(res.errors ?? []);
  expect(text).not.toMatch(/\bat \S+:\d+|node_modules|\/work\/|SELECT |INSERT |stack/);
};

describe('API limits (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '40', MAX_QUERY_COST: '500', BODY_LIMIT_BYTES: '4096' },
    });
  });
  afterAll(() => t.close());

  it('refuses a query deeper than 10 levels with QUERY_TOO_DEEP', async () => {
    const ok = await t.gql(nested(5), {}, { as: Role.INVESTIGATOR });
    expect(ok.errors).toBeUndefined();
    const deep = await t.gql(nested(6), {}, { as: Role.INVESTIGATOR });
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].extensions.code).toBe('QUERY_TOO_DEEP');
    expectClean(deep);
  });

  it('refuses a query whose lists could return too much with QUERY_TOO_COSTLY', async () => {
    const cheap = await t.gql(
      '{ components(first: 5) { edges { node { partNumber manufacturer { name } } } } }',
      {},
      { as: Role.INVESTIGATOR },
    );
    expect(cheap.errors).toBeUndefined();
    const costly = await t.gql(
      'query($n: Int) { components(first: $n) { edges { node { partNumber manufacturer { name country parent { name } } } } } }',
      { n: 100 },
      { as: Role.INVESTIGATOR },
    );
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 500 });
    expectClean(costly);
  });

  it('allows 15 aliases and refuses 16 with TOO_MANY_ALIASES', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { role }`).join(' ')} }`;
    expect((await t.gql(aliases(15), {}, { as: Role.COMPLIANCE })).errors).toBeUndefined();
    const res = await t.gql(aliases(16), {}, { as: Role.COMPLIANCE });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions.code).toBe('TOO_MANY_ALIASES');
  });

  it('refuses batched requests with BATCHED_QUERIES_NOT_ALLOWED', async () => {
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/graphql',
        headers: await t.authHeader(Role.COMPLIANCE),
        payload: [{ query: '{ me { role } }' }, { query: '{ me { role } }' }],
      });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].extensions.code).toBe('BATCHED_QUERIES_NOT_ALLOWED');
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/graphql',
        headers: { ...(await t.authHeader(Role.COMPLIANCE)), 'content-type': 'application/json' },
        payload: JSON.stringify({ query: `{ me { role } } # ${'x'.repeat(5000)}` }),
      });
    expect(res.statusCode).toBe(413);
    expect(JSON.stringify(res.json())).toContain('PAYLOAD_TOO_LARGE');
    expect(res.body).not.toMatch(/node_modules|\bat \S+:\d+/);
  });

  it('rate-limits each key on its own with RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++)
      statuses.push((await t.gql('{ me { role } }', {}, { as: Role.ANALYST })).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    const limited = await t.gql('{ me { role } }', {}, { as: Role.ANALYST });
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    // Another key is not slowed by the first one's burst.
    expect((await t.gql('{ me { role } }', {}, { as: Role.ADMIN })).status).toBe(200);
  });
});

describe('introspection (e2e)', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it("answers the standard introspection query (GraphiQL's), and refuses one nested to explode", async () => {
    const t = await createTestApp({ seeded: false });
    try {
      const standard = getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      });
      const res = await t.gql(standard, {}, { as: Role.ANALYST });
      expect(res.errors).toBeUndefined();
      expect(res.data.__schema.queryType.name).toBe('Query');
      // GraphQL's own MaxIntrospectionDepthRule refuses `fields { type { fields ... } }` nesting.
      const nested = (n: number): string => (n ? `fields { type { ${nested(n - 1)} } }` : 'name');
      const exploding = await t.gql(
        `{ __schema { types { ${nested(4)} } } }`,
        {},
        {
          as: Role.ANALYST,
        },
      );
      expect([exploding.status, exploding.errors?.[0].message]).toEqual([
        400,
        'Maximum introspection depth exceeded',
      ]);
    } finally {
      await t.close();
    }
  });

  it.each([
    [{}, true],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }, true],
  ])('with %j: allowed %s', async (env, allowed) => {
    const t = await createTestApp({ seeded: false, env });
    try {
      const res = await t.gql(INTROSPECT, {}, { as: Role.ANALYST });
      if (allowed) expect(res.data.__schema.queryType.name).toBe('Query');
      else expect(res.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await t.close();
    }
  });
});

describe('memory under invalid queries (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(() => t.close());

  const post = async (query: string) =>
    t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/graphql',
        headers: { ...(await t.authHeader(Role.ANALYST)), 'content-type': 'application/json' },
        payload: JSON.stringify({ query }),
      });

  /** 900 unknown fields: within every limit, and 100 validation errors (GraphQL's own cap). */
  const invalid = (i: number) =>
    `{ ${Array.from({ length: 900 }, (_, k) => `f${k}_${i}`).join(' ')} }`;
  /** 480 KB of unknown fields, as in the attack. */
  const huge = (i: number) => `{ ${`g${i} `.repeat(480_000 / (String(i).length + 2))} }`;

  it('keeps no trace of 100 distinct invalid queries, and answers after them', async () => {
    await post('{ me { role } }'); // warm: the first request compiles what every request uses
    const before = heapAfterGc();
    for (let i = 0; i < 100; i++) {
      const res = await post(invalid(i));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    for (let i = 0; i < 5; i++) {
      const res = await post(huge(i));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
    }
    const grown = (heapAfterGc() - before) / MB;
    // Each invalid document was kept with its errors before (about 1 MB each, 23 MB at 480 KB).
    expect(grown).toBeLessThan(30);
    const after = await post('{ me { role } }');
    expect(after.statusCode).toBe(200);
    expect(after.json().data.me.role).toBe('ANALYST');
  });

  it('refuses a query of more tokens than the limit, whatever its length', async () => {
    const res = await post(`{ me { ${'role '.repeat(1000)}} }`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
  });
});

describe('the cost of lists without `first` (e2e)', () => {
  let t: TestApp;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp({ seeded: false, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    // Ten published records, each corroborating every other one.
    ids = [];
    for (let i = 0; i < 10; i++) {
      const [{ id }] = await t.ds.query(
        `INSERT INTO evidence (title, status) VALUES ($1, 'PUBLISHED') RETURNING id`,
        [`record ${i}`],
      );
      ids.push(id);
    }
    ids.sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        await t.ds.query(
          'INSERT INTO evidence_corroboration (evidence_id, other_evidence_id) VALUES ($1, $2)',
          [ids[i], ids[j]],
        );
      }
    }
  });
  afterAll(() => t.close());

  const nested = (levels: number): string =>
    levels === 0 ? 'id title' : `corroborations { evidence { ${nested(levels - 1)} } }`;

  it('refuses 15 aliases of four nested corroborations with QUERY_TOO_COSTLY', async () => {
    const query = `{ ${Array.from(
      { length: 15 },
      (_, i) => `a${i}: evidence(id: "${ids[i % ids.length]}") { ${nested(4)} }`,
    ).join(' ')} }`;
    const res = await t.gql(query);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 50_000 });
    expectClean(res);
  });

  it('still answers a record with its corroborations, and theirs', async () => {
    const res = await t.gql(`{ evidence(id: "${ids[0]}") { ${nested(2)} } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.evidence.corroborations).toHaveLength(9);
    expect(res.data.evidence.corroborations[0].evidence.corroborations).toHaveLength(9);
  });
});
