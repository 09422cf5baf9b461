import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

/** An error body: a code, and nothing of the service's insides. */
const expectCoded = (body: string, code: string) => {
  expect(body).toContain(`"code":"${code}"`);
  expect(body).not.toMatch(/\bat \S+:\d+|node_modules|\/work\/|SELECT |stack|TypeError|RangeError/);
};

describe('GraphQL errors (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  it('answers a syntax error with 400 and GRAPHQL_PARSE_FAILED', async () => {
    const res = await t.gql('{ components(first: 5 { id }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await t.gql('{ components { nope } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a wrongly typed variable with BAD_USER_INPUT', async () => {
    const res = await t.gql('query($n: Int) { components(first: $n) { totalCount } }', {
      n: 'ten',
    });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown enum value in a filter with a client error', async () => {
    const res = await t.gql('{ components(filter: { category: PIZZA }) { totalCount } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a batched (array) request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: [
        { query: '{ components { totalCount } }' },
        { query: '{ components { totalCount } }' },
      ],
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

describe('no 5xx for a client mistake (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(() => t.close());

  const inject = async (
    options: { method?: 'GET' | 'POST'; url?: string; type?: string; payload?: string },
    role: Role = Role.ADMIN,
  ) => {
    const { method = 'POST', url = '/graphql', type = 'application/json', payload } = options;
    const headers: Record<string, string> = await t.authHeader(role);
    if (type) headers['content-type'] = type;
    return t.app.getHttpAdapter().getInstance().inject({ method, url, headers, payload });
  };
  const gqlBody = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

  const GET = 'GET' as const;
  it.each([
    {
      name: 'a query that is a number',
      status: 400,
      code: 'BAD_REQUEST',
      req: { payload: '{"query":123}' },
    },
    {
      name: 'a query that is JSON, by GET',
      status: 400,
      code: 'BAD_REQUEST',
      req: { method: GET, url: '/graphql?query=[]' },
    },
    {
      name: 'a query given twice, by GET',
      status: 400,
      code: 'BAD_REQUEST',
      req: { method: GET, url: '/graphql?query=a&query=b' },
    },
    {
      name: 'variables that are not JSON, by GET',
      status: 400,
      code: 'BAD_REQUEST',
      req: {
        method: GET,
        url: `/graphql?query=${encodeURIComponent('{ me { role } }')}&variables=%7B`,
      },
    },
    {
      name: 'a JSON body sent as application/graphql',
      status: 400,
      code: 'BAD_REQUEST',
      req: { type: 'application/graphql', payload: gqlBody('{ me { role } }') },
    },
    {
      name: 'variables that are a string',
      status: 400,
      code: 'BAD_REQUEST',
      req: { payload: '{"query":"{ me { role } }","variables":"x"}' },
    },
    {
      name: 'a body that is not an object',
      status: 400,
      code: 'BAD_REQUEST',
      req: { payload: 'null' },
    },
    {
      name: 'a body that is not JSON',
      status: 400,
      code: 'BAD_REQUEST',
      req: { payload: '{"query":' },
    },
    {
      name: 'a body of the wrong type',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      req: { type: 'text/plain', payload: gqlBody('{ me { role } }') },
    },
    {
      name: 'a body of no type',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      req: { type: '', payload: '{ me { role } }' },
    },
    {
      name: 'a body as CSV',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      req: { type: 'text/csv', payload: 'a,b\n1,2\n' },
    },
  ])('answers $name with $status $code', async ({ status, code, req }) => {
    const res = await inject(req);
    expect([res.statusCode, res.json().errors[0].extensions.code]).toEqual([status, code]);
    expectCoded(res.body, code);
  });

  it('answers a chain of 2,000 fragment spreads, or 30 within the size limit, with a 400', async () => {
    const chain = (n: number) =>
      `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ')} fragment F${n} on Query { me { role } }`;
    const long = await inject({ payload: gqlBody(chain(2000)) });
    expect([long.statusCode, long.json().errors[0].extensions.code]).toEqual([
      400,
      'QUERY_TOO_LARGE',
    ]);
    const deep = await inject({ payload: gqlBody(chain(30)) });
    expect([deep.statusCode, deep.json().errors[0].extensions.code]).toEqual([
      400,
      'QUERY_TOO_DEEP',
    ]);
    const inline = await inject({
      payload: gqlBody(`{ ${'... on Query { '.repeat(150)}me { role }${' }'.repeat(150)} }`),
    });
    expect([inline.statusCode, inline.json().errors[0].extensions.code]).toEqual([
      400,
      'QUERY_TOO_DEEP',
    ]);
    const fine = await inject({ payload: gqlBody(chain(5)) });
    expect(fine.json()).toEqual({ data: { me: { role: 'ADMIN' } } });
  });

  it('answers a variable nested 3,000 deep, or a literal 100 deep, with BAD_USER_INPUT', async () => {
    let value: unknown = '7701234567';
    for (let i = 0; i < 3000; i++) value = { a: value };
    const mutation =
      'mutation($ids: JSON) { createOrganization(input: { name: "Deep Ltd", registrationIds: $ids }) { id } }';
    const res = await inject({ payload: gqlBody(mutation, { ids: value }) }, Role.INVESTIGATOR);
    expect([res.statusCode, res.json().errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const literal = `mutation { createOrganization(input: { name: "Deep Ltd", registrationIds: ${'{ a: '.repeat(100)}1${' }'.repeat(100)} }) { id } }`;
    const lit = await inject({ payload: gqlBody(literal) }, Role.INVESTIGATOR);
    // A value GraphQL itself refuses is answered 200, as for any variable of the wrong type.
    expect([lit.statusCode, lit.json().errors[0].extensions.code]).toEqual([200, 'BAD_USER_INPUT']);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM organization WHERE name = 'Deep Ltd'`,
    );
    expect(n).toBe(0);
  });

  it('answers a lone surrogate in an email with BAD_USER_INPUT, and writes nothing', async () => {
    const mutation =
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }';
    const res = await inject({
      payload: `{"query":${JSON.stringify(mutation)},"variables":{"input":{"email":"a\\ud83d@example.org","role":"ANALYST"}}}`,
    });
    expect([res.statusCode, res.json().errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM app_user WHERE email LIKE 'a%@example.org'`,
    );
    expect(n).toBe(0);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'answers POST /imports/%s with 400 BAD_USER_INPUT',
    async (kind) => {
      const res = await inject({ url: `/imports/${kind}`, type: 'text/csv', payload: 'name\nx\n' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'BAD_USER_INPUT' });
      expectCoded(res.body, 'BAD_USER_INPUT');
    },
  );

  it.each([
    {
      name: 'a body that is not JSON',
      status: 400,
      code: 'BAD_REQUEST',
      req: { url: '/imports/organizations', payload: '{"a":' },
    },
    {
      name: 'a content type no route reads',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      req: { url: '/imports/organizations', type: 'application/x-foo', payload: 'x' },
    },
    {
      name: 'a URL that cannot be decoded',
      status: 400,
      code: 'BAD_REQUEST',
      req: { method: GET, url: '/health/%E0%A4%A', type: '' },
    },
    {
      name: 'an unknown route',
      status: 404,
      code: 'NOT_FOUND',
      req: { method: GET, url: '/nothing', type: '' },
    },
  ])(
    'answers a REST request with $name as $status { error: { code: $code } }',
    async ({ status, code, req }) => {
      const res = await inject(req);
      expect(res.statusCode).toBe(status);
      expect(res.json()).toEqual({ error: { code, message: expect.any(String) } });
      expectCoded(res.body, code);
    },
  );
});
