import { connect } from 'node:net';
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

  /** Sends raw bytes to the listening service; answers the status and the body of its reply. */
  const raw = (port: number, request: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(request));
      let reply = '';
      socket.on('data', (chunk) => (reply += chunk.toString()));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, body = ''] = reply.split('\r\n\r\n');
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body });
      });
    });

  it('answers what Node cannot read of a request (431, 400) in the REST shape', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as { port: number };
    const big = await raw(
      port,
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(big.status).toBe(431);
    expect(JSON.parse(big.body)).toEqual({
      error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) },
    });
    const garbage = await raw(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body)).toEqual({
      error: { code: 'BAD_REQUEST', message: expect.any(String) },
    });
    // The service still answers.
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  });
});
