import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { Role } from '../../src/auth/role.enum.js';
import { problemsOf } from './fuzz/checks.js';
import { type IdsByTable, type ListCursor, lists, probeGroups } from './fuzz/probes.js';
import { type FuzzRequest, fuzzRequests, KNOWN_CASES } from './fuzz/requests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Thousands of generated bad requests, reproducible: FUZZ_SEED picks the sequence (printed with any
 * failure), FUZZ_RUNS its length. Operations come from the live schema (introspected here), so a new
 * field is fuzzed as soon as it exists. Every answer must be below 500, carry a code on every error
 * and leak nothing; the service must be healthy afterwards.
 */
// The heap is measured after a full collection (jest runs without --expose-gc).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
};

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_210);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const TABLES = [
  'organization',
  'component',
  'evidence',
  'component_finding',
  'shipment',
  'strike_report',
  'sanction',
  'weapon_system',
];

describe(`fuzz: ${RUNS} bad requests, seed ${SEED} (e2e)`, () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let ids: IdsByTable;
  let cursors: ListCursor[];
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    const introspection = await t.gql<IntrospectionQuery>(
      getIntrospectionQuery(),
      {},
      {
        as: Role.ADMIN,
      },
    );
    schema = buildClientSchema(introspection.data);
    ids = await realIds(t);
    cursors = await realCursors(t, schema);
  });
  afterAll(() => t.close());

  it('answers every one below 500, with a code, leaking nothing, and stays healthy', async () => {
    const keys = {
      ADMIN: await t.keyFor(Role.ADMIN),
      ANALYST: await t.keyFor(Role.ANALYST),
      INVESTIGATOR: await t.keyFor(Role.INVESTIGATOR),
    };
    const fastify = t.app.getHttpAdapter().getInstance();
    const sent = new Tally();
    const failed = new Tally();
    const failures: string[] = [];
    const skipped: string[] = [];
    let serverErrors = 0;
    const fail = (category: string, text: string) => {
      failed.add(category);
      failures.push(text);
    };
    /** Sends one request, checks what every answer must be, and answers its JSON body. */
    const send = async (req: FuzzRequest, label: string): Promise<GraphQLAnswer> => {
      sent.add(req.category);
      const headers = { ...req.headers };
      if (req.as !== 'none') headers.authorization = `Bearer ${keys[req.as]}`;
      const { method, url, payload, remoteAddress } = req;
      const res = await fastify.inject({ method, url, headers, payload, remoteAddress });
      if (res.statusCode >= 500) serverErrors++;
      const problems = problemsOf(req, res);
      if (problems.length) {
        fail(req.category, reproduction(label, req, res.statusCode, res.body, problems));
      }
      try {
        return JSON.parse(res.body) as GraphQLAnswer;
      } catch {
        return {};
      }
    };

    const heapBefore = heapMb();
    const started = Date.now();
    const pools = { ids: Object.values(ids).flat(), cursors: cursors.map((c) => c.cursor) };
    const requests = fc.sample(fuzzRequests(schema, pools), { seed: SEED, numRuns: RUNS });
    for (const req of KNOWN_CASES) await send(req, 'known');
    for (const [index, req] of requests.entries()) await send(req, `#${index}`);

    for (const group of probeGroups(schema, ids, cursors)) {
      const baseline = await send(group.baseline, `${group.category} (valid)`);
      if (codes(baseline).includes('BAD_USER_INPUT')) {
        skipped.push(`${group.category} (${baseline.errors?.[0].message})`);
        continue;
      }
      for (const probe of group.probes) {
        const answer = await send(probe.request, group.category);
        const held = {
          refused: codes(answer).includes('BAD_USER_INPUT') && !answered(answer),
          'same data as baseline': JSON.stringify(answer.data) === JSON.stringify(baseline.data),
          'same codes as baseline': codes(answer).join() === codes(baseline).join(),
        }[probe.expect];
        if (held) continue;
        const problem =
          probe.expect === 'refused'
            ? 'a value that is not valid was not refused with BAD_USER_INPUT'
            : `not as in small letters, which answered ${short(JSON.stringify(baseline), 300)}`;
        fail(
          group.category,
          reproduction(group.category, probe.request, 0, JSON.stringify(answer), [problem]),
        );
      }
    }
    const seconds = (Date.now() - started) / 1000;

    const health = await fastify.inject({ method: 'GET', url: '/health' });
    const me = await t.gql('{ me { role } }', {}, { as: Role.ADMIN });
    console.log(
      `fuzz: ${sent.total} requests (${RUNS} generated, seed ${SEED}) in ${seconds.toFixed(1)} s: ` +
        `${serverErrors} answered 5xx, ${failures.length} failed; heap after a GC ` +
        `${heapMb()} MB (${heapBefore} MB before); ${cursors.length} lists; ` +
        `sent: ${sent.text()}; skipped (their valid request was refused): ` +
        `${skipped.join(', ') || 'none'}` +
        (failures.length
          ? `\nfailed: ${failed.text()}\n\n${failures.slice(0, 40).join('\n\n')}`
          : ''),
    );
    expect(health.statusCode).toBe(200);
    expect(me.data).toEqual({ me: { role: 'ADMIN' } });
    expect(failures).toEqual([]);
    expect(seconds).toBeLessThan(60);
  });
});

/** Counts by category (its first word). */
class Tally {
  private readonly counts = new Map<string, number>();
  total = 0;
  add(category: string): void {
    const key = category.split(' ')[0];
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
  }
  text(): string {
    return [...this.counts].map(([c, n]) => `${c} ${n}`).join(', ');
  }
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

const codes = (answer: GraphQLAnswer) => (answer.errors ?? []).map((e) => e.extensions?.code);
/** Some root field was answered with a value. */
const answered = (answer: GraphQLAnswer) =>
  Object.values(answer.data ?? {}).some((v) => v !== null && v !== undefined);

const short = (s: string | undefined, n = 600) =>
  s && s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s;

/** A failure as a request one can send again (`curl` it, or rerun with the seed). */
function reproduction(
  label: string,
  req: FuzzRequest,
  status: number,
  body: string,
  problems: string[],
): string {
  return [
    `${label} [${req.category}] ${problems.join('; ')}`,
    `  ${req.method} ${short(req.url, 200)} as ${req.as}${req.remoteAddress ? ` from ${req.remoteAddress}` : ''}`,
    `  headers: ${short(JSON.stringify(req.headers), 300)}`,
    req.payload === undefined ? '' : `  body: ${short(req.payload)}`,
    `  answer${status ? ` ${status}` : ''}: ${short(body, 400)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Ids of real records, so that some bad requests reach the records they name. */
async function realIds(t: TestApp): Promise<IdsByTable> {
  const ids: IdsByTable = {};
  for (const table of TABLES) {
    const rows: { id: string }[] = await t.ds.query(
      `SELECT id FROM ${table} ORDER BY created_at, id LIMIT 3`,
    );
    ids[table] = rows.map((r) => r.id);
  }
  return ids;
}

/** A real cursor of every list and order of the schema. */
async function realCursors(t: TestApp, schema: GraphQLSchema): Promise<ListCursor[]> {
  const found: ListCursor[] = [];
  for (const list of lists(schema)) {
    const order = list.orderBy ? `, orderBy: ${list.orderBy}` : '';
    const res = await t.gql(
      `{ ${list.field}(first: 1${order}) { pageInfo { endCursor } } }`,
      {},
      {
        as: Role.ADMIN,
      },
    );
    const page = (res.data as Record<string, { pageInfo: { endCursor: string | null } }> | null)?.[
      list.field
    ];
    if (page?.pageInfo.endCursor) found.push({ ...list, cursor: page.pageInfo.endCursor });
  }
  return found;
}
