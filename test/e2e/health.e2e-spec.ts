import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('GET /health (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  it('answers ok when the database answers', async () => {
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers an unknown route with 401 without a key, 404 with one, and no stack', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const anonymous = await fastify.inject({ method: 'GET', url: '/nope' });
    expect(anonymous.statusCode).toBe(401);
    const res = await fastify.inject({
      method: 'GET',
      url: '/nope',
      headers: await t.authHeader(Role.ANALYST),
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
