import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '../../src/auth/role.enum.js';
import { projectRoot } from '../../src/common/project-root.js';
import { createTestApp, type TestApp } from './test-app.js';
import {
  insertComponent,
  insertOrganization,
  insertRoute,
  insertShipment,
} from './routes-fixture.js';

const FIELDS = `organization { id name country } routeCount confirmedRouteCount valueUsd highestScore
  topRedFlags { code weight routeCount } destinations suppliers { organization { name } country }
  firstSeen lastSeen`;
const LIST = `query List($filter: ReExporterFilter, $first: Int, $after: String) {
  reExporters(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${FIELDS} } }
  }
}`;
const PROFILES = `query Profiles($first: Int) {
  organizations(first: $first, filter: { search: "rxtest" }) {
    edges { node { id reExportProfile { ${FIELDS} } } }
  }
}`;

const flag = (code: string, weight: number) => ({ code, weight, explanation: `${code} raised` });

/**
 * A small known dataset, every figure worked out by hand beside it. Intermediaries a (AE), b (HK),
 * c (TR), d (KZ), e (AE), f (AM), g (AE); the makers and the supplier only start routes, the
 * destinations only end them.
 */
describe('reExporters: the ranking of re-exporters and their figures (e2e)', () => {
  let t: TestApp;
  const org: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.ds;
    // The demo's detected routes would stand beside ours: this file owns the route table.
    await ds.query('DELETE FROM route');
    const orgs: [string, string, string][] = [
      ['maker', 'Rxtest Maker Inc', 'US'],
      ['makerJp', 'Rxtest Maker KK', 'JP'],
      ['supplier', 'Rxtest Supplier GmbH', 'DE'],
      ['a', 'Rxtest Alpha Trading FZE', 'AE'],
      ['b', 'Rxtest Beta Limited', 'HK'],
      ['c', 'Rxtest Gamma Dis Ticaret', 'TR'],
      ['d', 'Rxtest Delta LLP', 'KZ'],
      ['e', 'Rxtest Epsilon General Trading LLC', 'AE'],
      ['f', 'Rxtest Foxtrot LLC', 'AM'],
      ['g', 'Rxtest Golf FZCO', 'AE'],
      ['ru', 'OOO Rxtest Moskva', 'RU'],
      ['ir', 'Rxtest Tehran Co', 'IR'],
      ['by', 'Rxtest Minsk OAO', 'BY'],
    ];
    for (const [k, name, country] of orgs) org[k] = await insertOrganization(ds, name, country);
    const partA = await insertComponent(ds, org.maker, 'RXA100', '854231'); // CHPL tier 1
    const partB = await insertComponent(ds, org.makerJp, 'RXB200', '852691'); // tier 2

    const s: Record<string, string> = {};
    const ship = async (
      k: string,
      shippedOn: string,
      from: string,
      to: string,
      valueUsd: number | undefined,
      goods: { componentId?: string; hsCode?: string },
    ) => {
      s[k] = await insertShipment(ds, {
        shippedOn,
        exporterId: org[from],
        importerId: org[to],
        valueUsd,
        ...goods,
      });
    };
    await ship('s1', '2023-01-10', 'maker', 'a', 1000, { componentId: partA });
    // s2 is a leg of R1 and of R3: a's value counts it once.
    await ship('s2', '2023-02-01', 'a', 'b', 2000, { componentId: partA });
    await ship('s3', '2023-03-01', 'b', 'ru', 3000, { componentId: partA });
    await ship('s4', '2023-04-01', 'a', 'ru', 500, { hsCode: '854231' });
    await ship('s5', '2023-05-20', 'b', 'ir', 700, { componentId: partA });
    await ship('s6', '2022-06-01', 'd', 'ru', 1500, { hsCode: '854233' });
    await ship('s7', '2022-07-01', 'e', 'ir', 1500, { hsCode: '854233' });
    await ship('s8', '2024-01-01', 'g', 'ru', 99999, { hsCode: '854233' });
    // A customs line without a value counts as nothing.
    await ship('s9', '2023-05-10', 'b', 'ir', undefined, { componentId: partA });
    await ship('s10', '2023-03-20', 'supplier', 'a', 800, { hsCode: '854231' });

    // R1: the maker through a and b to Russia, confirmed.
    await insertRoute(ds, {
      path: [org.maker, org.a, org.b, org.ru],
      hasOriginParty: true,
      originCountry: 'US',
      componentId: partA,
      firstShippedOn: '2023-01-10',
      lastShippedOn: '2023-03-01',
      valueUsd: 3000,
      score: 90,
      status: 'CONFIRMED',
      redFlags: [
        flag('CHPL_TIER_1', 25),
        flag('DESTINATION_OF_CONCERN', 20),
        flag('FAST_PASS_THROUGH', 10),
        flag('SANCTIONED_PARTY', 30),
        flag('TRANSSHIPMENT_HUB', 10),
      ],
      legs: [
        { shipmentId: s.s1, position: 0 },
        { shipmentId: s.s2, position: 1 },
        { shipmentId: s.s3, position: 2 },
      ],
    });
    // R2: an HS-code route from a German supplier through a.
    await insertRoute(ds, {
      path: [org.supplier, org.a, org.ru],
      hasOriginParty: true,
      originCountry: 'DE',
      hsCode: '854231',
      firstShippedOn: '2023-03-20',
      lastShippedOn: '2023-04-01',
      valueUsd: 500,
      score: 70,
      redFlags: [
        flag('CHPL_TIER_1', 25),
        flag('DESTINATION_OF_CONCERN', 20),
        flag('NEW_COMPANY', 15),
        flag('SHARED_IDENTITY', 15),
      ],
      legs: [
        { shipmentId: s.s10, position: 0 },
        { shipmentId: s.s4, position: 1 },
      ],
    });
    // R3: a to b to Iran, sharing s2 with R1.
    await insertRoute(ds, {
      path: [org.a, org.b, org.ir],
      originCountry: 'US',
      componentId: partA,
      firstShippedOn: '2023-02-01',
      lastShippedOn: '2023-05-20',
      valueUsd: 700,
      score: 50,
      status: 'UNDER_REVIEW',
      redFlags: [
        flag('CHPL_TIER_1', 25),
        flag('FAST_PASS_THROUGH', 10),
        flag('TRANSSHIPMENT_HUB', 10),
      ],
      legs: [
        { shipmentId: s.s2, position: 0 },
        { shipmentId: s.s9, position: 1 },
        { shipmentId: s.s5, position: 1 },
      ],
    });
    // R4: flagged by hand from a report, no trade data: its own value counts.
    await insertRoute(ds, {
      path: [org.supplier, org.c, org.by],
      hasOriginParty: true,
      originCountry: 'DE',
      componentId: partB,
      valueUsd: 4000,
      score: 90,
      source: 'MANUAL',
      redFlags: [flag('DESTINATION_OF_CONCERN', 20), flag('CHPL_TIER_2', 20)],
    });
    // R5 and R6: d and e tie on score and value (the id decides).
    await insertRoute(ds, {
      path: [org.d, org.ru],
      hsCode: '854233',
      firstShippedOn: '2022-06-01',
      lastShippedOn: '2022-06-01',
      valueUsd: 1500,
      score: 60,
      legs: [{ shipmentId: s.s6, position: 0 }],
    });
    await insertRoute(ds, {
      path: [org.e, org.ir],
      hsCode: '854233',
      firstShippedOn: '2022-07-01',
      lastShippedOn: '2022-07-01',
      valueUsd: 1500,
      score: 60,
      status: 'DISMISSED',
      legs: [{ shipmentId: s.s7, position: 0 }],
    });
    // R7: f, by hand, confirmed, worth a little more than d and e.
    await insertRoute(ds, {
      path: [org.f, org.by],
      componentId: partA,
      valueUsd: 1600,
      score: 60,
      status: 'CONFIRMED',
      source: 'MANUAL',
    });
    // R8: a again, by hand, without legs or dates.
    await insertRoute(ds, {
      path: [org.a, org.by],
      componentId: partB,
      valueUsd: 300,
      score: 40,
      status: 'DISMISSED',
      source: 'MANUAL',
      redFlags: [flag('CHPL_TIER_2', 20), flag('SHIPPED_BEFORE_LISTING', 5)],
    });
    // R9: g shipped the most of all, on a route of a low score.
    await insertRoute(ds, {
      path: [org.g, org.ru],
      hsCode: '854233',
      firstShippedOn: '2024-01-01',
      lastShippedOn: '2024-01-01',
      valueUsd: 99999,
      score: 30,
      legs: [{ shipmentId: s.s8, position: 0 }],
    });
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const name = (id: string) => Object.entries(org).find(([, v]) => v === id)?.[0] ?? id;
  /** d and e tie on score and value: the greater id comes first (every key runs descending). */
  const tied = () => (org.d > org.e ? ['d', 'e'] : ['e', 'd']);
  const page = async (filter: Record<string, unknown> = {}, first = 100, after?: string | null) =>
    (await ok(LIST, { filter, first, after })).reExporters;
  /** Each entry as [organization, highest score, value, routes]. */
  const ranking = async (filter: Record<string, unknown> = {}) => {
    const p = await page(filter);
    expect(p.totalCount).toBe(p.edges.length);
    expect(p.pageInfo.hasNextPage).toBe(false);
    return p.edges.map(({ node }: any) => [
      name(node.organization.id),
      node.highestScore,
      node.valueUsd,
      node.routeCount,
    ]);
  };
  const entry = async (k: string, filter: Record<string, unknown> = {}) =>
    (await page(filter)).edges.find((e: any) => e.node.organization.id === org[k])?.node;

  it('ranks by highest route score, then value, then id', async () => {
    const [first, second] = tied();
    expect(await ranking()).toEqual([
      ['c', 90, 4000, 1],
      ['b', 90, 3700, 2],
      ['a', 90, 2800, 4],
      ['f', 60, 1600, 1],
      [first, 60, 1500, 1],
      [second, 60, 1500, 1],
      ['g', 30, 99999, 1],
    ]);
  });

  it('answers every figure of a re-exporter over its routes', async () => {
    expect(await entry('a')).toEqual({
      organization: { id: org.a, name: 'Rxtest Alpha Trading FZE', country: 'AE' },
      routeCount: 4,
      confirmedRouteCount: 1,
      // s2 (a leg of R1 and R3) once, s4, and R8's own value (no legs); s1 and s10 arrived at a.
      valueUsd: 2000 + 500 + 300,
      highestScore: 90,
      topRedFlags: [
        { code: 'CHPL_TIER_1', weight: 25, routeCount: 3 },
        { code: 'DESTINATION_OF_CONCERN', weight: 20, routeCount: 2 },
        { code: 'FAST_PASS_THROUGH', weight: 10, routeCount: 2 },
        { code: 'TRANSSHIPMENT_HUB', weight: 10, routeCount: 2 },
        { code: 'SANCTIONED_PARTY', weight: 30, routeCount: 1 },
      ],
      destinations: ['BY', 'IR', 'RU'],
      // R1's origin and its part's maker are one; R2's origin; R8's part's maker.
      suppliers: [
        { organization: { name: 'Rxtest Maker Inc' }, country: 'US' },
        { organization: { name: 'Rxtest Maker KK' }, country: 'JP' },
        { organization: { name: 'Rxtest Supplier GmbH' }, country: 'DE' },
      ],
      firstSeen: '2023-01-10',
      lastSeen: '2023-05-20',
    });
    expect(await entry('b')).toMatchObject({
      routeCount: 2,
      confirmedRouteCount: 1,
      // s3, s5 and s9 (no value)
      valueUsd: 3700,
      destinations: ['IR', 'RU'],
      suppliers: [{ organization: { name: 'Rxtest Maker Inc' }, country: 'US' }],
      firstSeen: '2023-01-10',
      lastSeen: '2023-05-20',
    });
    // Only a route flagged by hand without legs: its value, no dates, flags tied by code.
    expect(await entry('c')).toEqual({
      organization: { id: org.c, name: 'Rxtest Gamma Dis Ticaret', country: 'TR' },
      routeCount: 1,
      confirmedRouteCount: 0,
      valueUsd: 4000,
      highestScore: 90,
      topRedFlags: [
        { code: 'CHPL_TIER_2', weight: 20, routeCount: 1 },
        { code: 'DESTINATION_OF_CONCERN', weight: 20, routeCount: 1 },
      ],
      destinations: ['BY'],
      suppliers: [
        { organization: { name: 'Rxtest Maker KK' }, country: 'JP' },
        { organization: { name: 'Rxtest Supplier GmbH' }, country: 'DE' },
      ],
      firstSeen: null,
      lastSeen: null,
    });
    // An HS-code route without an origin party has no supplier.
    expect(await entry('d')).toMatchObject({
      topRedFlags: [],
      suppliers: [],
      destinations: ['RU'],
    });
  });

  it('lists no maker, supplier or destination that only starts or ends routes', async () => {
    const listed = (await ranking()).map(([k]: string[]) => k);
    for (const k of ['maker', 'makerJp', 'supplier', 'ru', 'ir', 'by']) {
      expect([k, listed.includes(k)]).toEqual([k, false]);
    }
    expect(await ranking({ country: 'US' })).toEqual([]);
    expect(await ranking({ country: 'RU' })).toEqual([]);
  });

  describe('filters: which routes count, and every figure over them', () => {
    it('country: the re-exporter’s own', async () => {
      const all = [
        ['a', 90, 2800, 4],
        ['e', 60, 1500, 1],
        ['g', 30, 99999, 1],
      ];
      expect(await ranking({ country: 'AE' })).toEqual(all);
      expect(await ranking({ country: 'ae' })).toEqual(all);
    });

    it('minScore', async () => {
      const [first, second] = tied();
      // R3 (50), R8 (40) and R9 (30) drop: a keeps s2 (R1) and s4 (R2); b keeps s3.
      expect(await ranking({ minScore: 60 })).toEqual([
        ['c', 90, 4000, 1],
        ['b', 90, 3000, 1],
        ['a', 90, 2500, 2],
        ['f', 60, 1600, 1],
        [first, 60, 1500, 1],
        [second, 60, 1500, 1],
      ]);
      const a = await entry('a', { minScore: 60 });
      expect(a).toMatchObject({
        confirmedRouteCount: 1,
        destinations: ['RU'],
        suppliers: [
          { organization: { name: 'Rxtest Maker Inc' } },
          { organization: { name: 'Rxtest Supplier GmbH' } },
        ],
        firstSeen: '2023-01-10',
        lastSeen: '2023-04-01',
      });
      expect(
        a.topRedFlags.map((f: { code: string; routeCount: number }) => [f.code, f.routeCount]),
      ).toEqual([
        ['CHPL_TIER_1', 2],
        ['DESTINATION_OF_CONCERN', 2],
        ['SANCTIONED_PARTY', 1],
        ['NEW_COMPANY', 1],
        ['SHARED_IDENTITY', 1],
      ]);
    });

    it('status', async () => {
      expect(await ranking({ status: 'CONFIRMED' })).toEqual([
        ['b', 90, 3000, 1],
        ['a', 90, 2000, 1],
        ['f', 60, 1600, 1],
      ]);
      expect(await ranking({ status: 'DISMISSED' })).toEqual([
        ['e', 60, 1500, 1],
        ['a', 40, 300, 1],
      ]);
      expect((await entry('a', { status: 'UNDER_REVIEW' })).confirmedRouteCount).toBe(0);
    });

    it("chplTier: the part's HS code, else the route's", async () => {
      expect(await ranking({ chplTier: 'TIER_2' })).toEqual([
        ['c', 90, 4000, 1],
        ['a', 40, 300, 1],
      ]);
      const [first, second] = tied();
      expect(await ranking({ chplTier: 'TIER_1' })).toEqual([
        ['b', 90, 3700, 2],
        ['a', 90, 2500, 3],
        ['f', 60, 1600, 1],
        [first, 60, 1500, 1],
        [second, 60, 1500, 1],
        ['g', 30, 99999, 1],
      ]);
      expect(await ranking({ chplTier: 'TIER_3A' })).toEqual([]);
    });

    it('destinationCountry', async () => {
      expect(await ranking({ destinationCountry: 'BY' })).toEqual([
        ['c', 90, 4000, 1],
        ['f', 60, 1600, 1],
        ['a', 40, 300, 1],
      ]);
      expect(await ranking({ destinationCountry: 'IR' })).toEqual([
        ['e', 60, 1500, 1],
        ['a', 50, 2000, 1],
        ['b', 50, 700, 1],
      ]);
    });

    it('from and to: routes whose dates overlap the period; routes without dates match none', async () => {
      expect(await ranking({ from: '2023-04-01', to: '2023-04-30' })).toEqual([
        ['a', 70, 2500, 2],
        ['b', 50, 700, 1],
      ]);
      expect(await entry('a', { from: '2023-04-01', to: '2023-04-30' })).toMatchObject({
        firstSeen: '2023-02-01',
        lastSeen: '2023-05-20',
        destinations: ['IR', 'RU'],
      });
      expect(await ranking({ from: '2023-06-01' })).toEqual([['g', 30, 99999, 1]]);
      const [first, second] = tied();
      expect(await ranking({ to: '2022-12-31' })).toEqual([
        [first, 60, 1500, 1],
        [second, 60, 1500, 1],
      ]);
    });

    it('every filter together', async () => {
      expect(await ranking({ country: 'AE', minScore: 50 })).toEqual([
        ['a', 90, 2500, 3],
        ['e', 60, 1500, 1],
      ]);
      expect(
        await ranking({
          country: 'AE',
          minScore: 50,
          status: 'OPEN',
          chplTier: 'TIER_1',
          destinationCountry: 'RU',
          from: '2023-01-01',
          to: '2023-12-31',
        }),
      ).toEqual([['a', 70, 500, 1]]);
    });

    it.each([
      ['filter.minScore', { minScore: 101 }],
      ['filter.country', { country: 'Kazakhstan' }],
      ['filter.destinationCountry', { destinationCountry: 'R' }],
      ['filter.from', { from: '2023-02-30' }],
      ['filter.to', { to: 'yesterday' }],
    ])('refuses a bad %s', async (field, filter) => {
      const res = await t.gql(LIST, { filter });
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([
        { field, messages: [expect.any(String)] },
      ]);
    });
  });

  describe('pages', () => {
    it('pages through the whole ranking with small pages, without gaps or duplicates', async () => {
      const whole = (await ranking()).map(([k]: string[]) => k);
      for (const filter of [{}, { minScore: 60 }]) {
        const want = (await ranking(filter)).map(([k]: string[]) => k);
        for (const first of [1, 2, 3]) {
          const seen: string[] = [];
          let after: string | null = null;
          for (let i = 0; i < 20; i++) {
            const p: any = await page(filter, first, after);
            expect(p.totalCount).toBe(want.length);
            expect(p.edges.length).toBeLessThanOrEqual(first);
            seen.push(...p.edges.map((e: any) => name(e.node.organization.id)));
            after = p.pageInfo.endCursor;
            if (!p.pageInfo.hasNextPage) break;
          }
          expect(seen).toEqual(want);
        }
      }
      expect(whole).toHaveLength(7);
    });

    it('refuses a cursor of another list, a forged one, and a bad page size', async () => {
      const routes = await ok('{ reExportRoutes(first: 1) { pageInfo { endCursor } } }');
      const foreign = await t.gql(LIST, { after: routes.reExportRoutes.pageInfo.endCursor });
      expect(foreign.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(foreign.errors?.[0].message).toMatch(/route\.score, not reExporter\.rank/);
      const forge = (values: unknown[]) =>
        Buffer.from(JSON.stringify(values)).toString('base64url');
      for (const cursor of [
        forge(['reExporter.rank', 'ninety', '1', org.a]),
        forge(['reExporter.rank', '90', '1e9', org.a]),
        forge(['reExporter.rank', '90', '100', 'a']),
        forge(['reExporter.rank', null, '100', org.a]),
        'nonsense',
      ]) {
        const res = await t.gql(LIST, { after: cursor });
        expect([cursor, res.errors?.[0].extensions.code]).toEqual([cursor, 'BAD_USER_INPUT']);
      }
      for (const first of [0, 101]) {
        const res = await t.gql(LIST, { first });
        expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      }
      // A well-formed cursor is a place in the order: after (90, 3000, a's id) come a, then f...
      const after = forge(['reExporter.rank', '90', '3000', org.a]);
      const rest = await page({}, 2, after);
      expect(rest.edges.map((e: any) => name(e.node.organization.id))).toEqual(['a', 'f']);
    });
  });

  it('organization.reExportProfile is the unfiltered entry, and null off every route', async () => {
    const entries = new Map<string, unknown>(
      (await page()).edges.map((e: any) => [e.node.organization.id, e.node]),
    );
    const orgs = (await ok(PROFILES, { first: 100 })).organizations.edges;
    expect(orgs).toHaveLength(Object.keys(org).length);
    for (const { node } of orgs) {
      expect([name(node.id), node.reExportProfile]).toEqual([
        name(node.id),
        entries.get(node.id) ?? null,
      ]);
    }
    expect(orgs.filter((o: any) => o.node.reExportProfile).length).toBe(entries.size);
  });

  it('runs the example queries of docs/re-exporters.md', async () => {
    const examples = [
      ...readFileSync(path.join(projectRoot, 'docs/re-exporters.md'), 'utf8').matchAll(
        /```graphql\n([\s\S]*?)```/g,
      ),
    ].map((m) => m[1]);
    expect(examples).toHaveLength(2);
    const { reExporters } = await ok(examples[0]);
    // minScore 50, destination RU: R1, R2, R5; a keeps s2 and s4.
    expect(reExporters.edges.map((e: any) => [e.node.organization.name, e.node.valueUsd])).toEqual([
      ['Rxtest Beta Limited', 3000],
      ['Rxtest Alpha Trading FZE', 2500],
      ['Rxtest Delta LLP', 1500],
    ]);
    const { organization } = await ok(examples[1], { id: org.a });
    expect(organization.reExportProfile.routeCount).toBe(4);
    expect((await ok(examples[1], { id: org.maker })).organization.reExportProfile).toBeNull();
  });

  it('is for every role from ANALYST, and for nobody without a key', async () => {
    const query = '{ reExporters(first: 1) { totalCount } }';
    expect((await t.gql(query, {}, { as: null })).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    for (const role of [Role.ANALYST, Role.COMPLIANCE, Role.INVESTIGATOR, Role.ADMIN]) {
      const res = await t.gql(query, {}, { as: role });
      expect([role, res.errors, res.data?.reExporters.totalCount]).toEqual([role, undefined, 7]);
    }
  });
});
