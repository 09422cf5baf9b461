import { createTestApp, type TestApp } from './test-app.js';

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
