import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { projectRoot } from '../../src/common/project-root.js';
import { exampleQueries } from '../../web/graphiql/example-queries.mjs';
import { createTestApp, type TestApp } from './test-app.js';

/** `npm test` builds the page first (scripts/build.mjs, the `pretest` script). */
describe('GraphiQL at /graphiql (e2e)', () => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  /** Every file the page loads: the URLs under /graphiql/assets/ that the page and its files name. */
  const crawl = async () => {
    const found = new Map<string, Awaited<ReturnType<typeof get>>>();
    const queue = ['/graphiql'];
    while (queue.length) {
      const url = queue.shift()!;
      if (found.has(url)) continue;
      const res = await get(url);
      found.set(url, res);
      if (/\.(ttf|woff2?)$/.test(url)) continue;
      for (const [ref] of res.body.matchAll(/\/graphiql\/assets\/[A-Za-z0-9_.-]+/g))
        queue.push(ref);
      // Chunks import each other by relative path.
      for (const [, ref] of res.body.matchAll(/["'`]\.\/([A-Za-z0-9_.-]+\.js)["'`]/g))
        queue.push(`/graphiql/assets/${ref}`);
    }
    return found;
  };

  const directives = (csp: string | string[] | undefined) =>
    Object.fromEntries(
      [csp ?? '']
        .flat()
        .join(';')
        .split(';')
        .map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
    );

  it('serves the page without a key: no inline script, a strict CSP, checked again on each visit', async () => {
    const res = await get('/graphiql');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = directives(res.headers['content-security-policy']);
    expect(csp).toMatchObject({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'worker-src': ["'self'"],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
    // Every script of the page is a file of its own (none inline), and nothing is loaded from
    // another host.
    const scripts = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/graphiql\/assets\/main-\w+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(res.body).not.toMatch(/https?:\/\//);
    // The page holds no data and no key.
    expect(res.body).not.toMatch(/st_[0-9a-f]{8}_/);
  });

  it('serves every file the page loads without a key, typed, cached for good, none from another host', async () => {
    const files = await crawl();
    const assets = [...files.keys()].filter((u) => u !== '/graphiql');
    // The page's script and styles, Monaco's three workers (no CDN), the documented example queries.
    for (const expected of [
      /\/main-\w+\.js$/,
      /\/main-\w+\.css$/,
      /\/editor\.worker-\w+\.js$/,
      /\/json\.worker-\w+\.js$/,
      /\/graphql\.worker-\w+\.js$/,
      /\/examples-\w+\.json$/,
    ])
      expect(assets.filter((u) => expected.test(u))).toHaveLength(1);
    const types: Record<string, string> = {
      js: 'application/javascript; charset=utf-8',
      css: 'text/css; charset=utf-8',
      json: 'application/json; charset=utf-8',
      ttf: 'font/ttf',
    };
    const cdn = /\b(esm\.sh|unpkg\.com|jsdelivr\.net|cdnjs|googleapis\.com|gstatic\.com)\b/;
    // A URL where a browser would load something: import, worker, fetch, src/href, CSS url().
    const loadsRemote =
      /(?:import\s*\(?|from|new\s+(?:Shared)?Worker\s*\(|importScripts\s*\(|fetch\s*\(|src\s*=|href\s*=|url\s*\()\s*["'`]?https?:\/\//;
    for (const url of assets) {
      const res = files.get(url)!;
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect([url, res.headers['content-type']]).toEqual([url, types[url.split('.').pop()!]]);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-security-policy']).toBeDefined();
      expect([url, cdn.test(res.body)]).toEqual([url, false]);
      expect([url, loadsRemote.test(res.body)]).toEqual([url, false]);
      if (url.endsWith('.css')) expect(res.body).not.toMatch(/https?:\/\//);
    }
  });

  it('sends the compressed copy a browser takes', async () => {
    const script = (await get('/graphiql')).body.match(/\/graphiql\/assets\/main-\w+\.js/)![0];
    const plain = await get(script);
    const gzipped = await get(script, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(gzipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect((await get(script, { 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br');
  });

  it('offers the documented example queries, read from docs/queries.md when the page was built', async () => {
    const readme = readFileSync(path.join(projectRoot, 'docs/queries.md'), 'utf8');
    const expected = exampleQueries(readme);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const files = await crawl();
    const url = [...files.keys()].find((u) => /\/examples-\w+\.json$/.test(u))!;
    const served = files.get(url)!.json();
    expect(served).toEqual(expected);
    // Titled by the document's text, queries only (no mutation), variables where it shows them.
    expect(served.map((e: any) => e.query)).toContain(
      [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1])[1],
    );
    expect(served.some((e: any) => /^\s*mutation\b/.test(e.query))).toBe(false);
    expect(served.find((e: any) => e.query.includes('$ti')).variables).toContain('"ti"');
    // A title that runs over a line break in the document keeps its space there.
    expect(served.map((e: any) => e.title)).toContainEqual(
      expect.stringContaining('such as National Semiconductor'),
    );
  });

  it('opens nothing else: /graphql still needs a key, odd paths under /graphiql answer no data', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const anonymous = await fastify.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ me { email } }' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const url of [
      '/graphiql/../graphql',
      '/graphiql/assets/..%2f..%2fgraphql',
      '/graphiql/assets/%2e%2e%2f.build-stamp',
      '/graphiql/assets/.build-stamp',
      '/graphiql/index.html',
      '/graphiql/assets/nope.js',
    ]) {
      const res = await fastify.inject({
        method: 'POST',
        url,
        payload: { query: '{ me { email } }' },
      });
      expect([url, 'POST', res.statusCode]).toEqual([url, 'POST', 401]);
      const read = await get(url);
      expect([url, [401, 404].includes(read.statusCode)]).toEqual([url, true]);
      expect(read.json().data ?? null).toBeNull();
      expect(read.body).not.toMatch(/at .*\.(js|ts):\d+/);
    }
  });
});
