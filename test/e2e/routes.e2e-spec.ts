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
  type RouteRow,
} from './routes-fixture.js';

const LIST = `query List($first: Int, $after: String, $filter: RouteFilter, $orderBy: RouteOrder) {
  reExportRoutes(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id } }
  }
}`;
const ONE = `query One($id: ID!) { reExportRoute(id: $id) {
  id score status source version detectedAt createdAt
  legs { position shipment { id shippedOn exporter { name } importer { name } } }
  origin { organization { name } country }
  intermediaries { name country }
  destination { name country }
  goods { component { partNumber } hsCode chplTier byHsCode }
  redFlags { code weight explanation }
  firstShippedOn lastShippedOn valueUsd reviewNote reviewer { email } reviewedAt note
} }`;

/** What the tests know of each route, written by hand beside its row. */
interface Known {
  id: string;
  score: number;
  value: number;
  first: string | null;
  last: string | null;
  status: string;
  source: string;
  tier: string | null;
  destinationCountry: string;
  intermediaryCountries: string[];
  parties: string[];
  componentId: string | null;
}

const byScore = (a: Known, b: Known) => b.score - a.score || (a.id < b.id ? 1 : -1);
const byValue = (a: Known, b: Known) => b.value - a.value || (a.id < b.id ? 1 : -1);
const byLastShipped = (a: Known, b: Known) =>
  a.last === b.last
    ? a.id < b.id
      ? 1
      : -1
    : a.last === null
      ? 1
      : b.last === null
        ? -1
        : a.last < b.last
          ? 1
          : -1;

describe('re-export routes: list, filters, orders, relations (e2e)', () => {
  let t: TestApp;
  const org: Record<string, string> = {};
  const part: Record<string, string> = {};
  const route: Record<string, string> = {};
  const leg: Record<string, string> = {};
  const known: Known[] = [];
  const fillers: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.ds;
    // The demo data may hold routes one day: this file owns the table.
    await ds.query('DELETE FROM route');
    const orgs: [string, string, string][] = [
      ['maker', 'Routetest Maker Inc', 'US'],
      ['other', 'Routetest Other Maker GmbH', 'DE'],
      ['kz', 'Routetest Steppe Trade LLP', 'KZ'],
      ['hk', 'Routetest Harbour Limited', 'HK'],
      ['tr', 'Routetest Bosphorus Dis Ticaret', 'TR'],
      ['ru', 'OOO Routetest Moskva', 'RU'],
      ['ir', 'Routetest Tehran Co', 'IR'],
    ];
    for (const [k, name, country] of orgs) org[k] = await insertOrganization(ds, name, country);
    // Taken over by the maker: its parts are the maker's lineage.
    org.oldMaker = await insertOrganization(ds, 'Routetest Old Maker Corp', 'US', {
      successorId: org.maker,
    });
    part.a = await insertComponent(ds, org.maker, 'RTA100', '854231'); // CHPL tier 1
    part.old = await insertComponent(ds, org.oldMaker, 'RTOLD7', '852691'); // tier 2
    part.other = await insertComponent(ds, org.other, 'RTDE3', '853690'); // tier 3.A
    part.noHs = await insertComponent(ds, org.maker, 'RTNOHS', null);

    const ship = (k: string, shippedOn: string, from: string, to: string, componentId?: string) =>
      insertShipment(ds, {
        shippedOn,
        exporterId: org[from],
        importerId: org[to],
        componentId,
        valueUsd: 1000,
      }).then((id) => (leg[k] = id));
    await ship('s1', '2023-01-10', 'maker', 'kz', part.a);
    await ship('s2', '2023-03-01', 'kz', 'ru', part.a);
    await ship('s3', '2023-02-15', 'kz', 'ru', part.a);
    await ship('s4', '2023-06-01', 'hk', 'ru', part.old);
    await ship('s5', '2022-05-01', 'hk', 'tr');
    await ship('s6', '2022-09-30', 'tr', 'ir');

    const add = async (
      k: string,
      row: RouteRow,
      facts: Pick<Known, 'tier' | 'destinationCountry' | 'intermediaryCountries'>,
    ) => {
      const id = await insertRoute(ds, row);
      route[k] = id;
      known.push({
        id,
        score: row.score,
        value: row.valueUsd ?? 0,
        first: row.firstShippedOn ?? null,
        last: row.lastShippedOn ?? null,
        status: row.status ?? 'OPEN',
        source: row.source ?? 'DETECTED',
        parties: row.path,
        componentId: row.componentId ?? null,
        ...facts,
      });
    };
    await add(
      'kz',
      {
        path: [org.maker, org.kz, org.ru],
        hasOriginParty: true,
        originCountry: 'US',
        componentId: part.a,
        firstShippedOn: '2023-01-10',
        lastShippedOn: '2023-03-01',
        valueUsd: 5000,
        score: 80,
        redFlags: [
          {
            code: 'FAST_PASS_THROUGH',
            weight: 10,
            explanation: 'Routetest Steppe Trade LLP (KZ) re-exported 36 days after receipt',
          },
          { code: 'CHPL_TIER_1', weight: 25, explanation: 'HS 854231 is in CHPL tier 1' },
          { code: 'DESTINATION_OF_CONCERN', weight: 20, explanation: 'Ends in RU' },
        ],
        legs: [
          { shipmentId: leg.s2, position: 1 },
          { shipmentId: leg.s1, position: 0 },
          { shipmentId: leg.s3, position: 1 },
        ],
      },
      { tier: '1', destinationCountry: 'RU', intermediaryCountries: ['KZ'] },
    );
    // The part's HS code decides its tier, not the route's.
    await add(
      'hk',
      {
        path: [org.hk, org.ru],
        originCountry: 'US',
        componentId: part.old,
        hsCode: '854231',
        firstShippedOn: '2023-06-01',
        lastShippedOn: '2023-06-01',
        valueUsd: 12000,
        score: 60,
        status: 'CONFIRMED',
        legs: [{ shipmentId: leg.s4, position: 0 }],
      },
      { tier: '2', destinationCountry: 'RU', intermediaryCountries: ['HK'] },
    );
    await add(
      'hs',
      {
        path: [org.hk, org.tr, org.ir],
        originCountry: 'JP',
        hsCode: '852691',
        firstShippedOn: '2022-05-01',
        lastShippedOn: '2022-09-30',
        valueUsd: 12000,
        score: 60,
        status: 'UNDER_REVIEW',
        source: 'MANUAL',
        legs: [
          { shipmentId: leg.s5, position: 0 },
          { shipmentId: leg.s6, position: 1 },
        ],
      },
      { tier: '2', destinationCountry: 'IR', intermediaryCountries: ['HK', 'TR'] },
    );
    await add(
      'de',
      {
        path: [org.other, org.tr, org.ru],
        hasOriginParty: true,
        originCountry: 'DE',
        componentId: part.other,
        valueUsd: 800,
        score: 40,
        source: 'MANUAL',
        note: 'Reported by a customs officer',
      },
      { tier: '3.A', destinationCountry: 'RU', intermediaryCountries: ['TR'] },
    );
    await add(
      'ir',
      {
        path: [org.kz, org.ir],
        originCountry: 'US',
        componentId: part.a,
        valueUsd: 300,
        score: 95,
        status: 'DISMISSED',
        source: 'MANUAL',
      },
      { tier: '1', destinationCountry: 'IR', intermediaryCountries: ['KZ'] },
    );
    // A part without an HS code: the route's code gives the tier.
    await add(
      'noHs',
      {
        path: [org.hk, org.ru],
        originCountry: 'US',
        componentId: part.noHs,
        hsCode: '854239',
        firstShippedOn: '2024-01-05',
        lastShippedOn: '2024-01-05',
        valueUsd: 5000,
        score: 30,
      },
      { tier: '1', destinationCountry: 'RU', intermediaryCountries: ['HK'] },
    );
    // Fillers with many ties, for paging.
    const scores = [60, 60, 80, 10, 0, 95, 30, 30];
    const values = [12000, 300, 300, 0, 1, 5000, 99.99, 12000];
    const days = [
      '2023-06-01',
      null,
      '2023-03-01',
      '2022-09-30',
      null,
      '2024-01-05',
      '2023-06-01',
      null,
    ];
    for (let i = 0; i < scores.length; i++) {
      const trader = await insertOrganization(ds, `Routetest Filler ${i} FZE`, 'AE');
      fillers.push(trader);
      await add(
        `filler${i}`,
        {
          path: [trader, org.ru],
          hsCode: '854233',
          firstShippedOn: days[i],
          lastShippedOn: days[i],
          valueUsd: values[i],
          score: scores[i],
        },
        { tier: '1', destinationCountry: 'RU', intermediaryCountries: ['AE'] },
      );
    }
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const ids = (edges: { node: { id: string } }[]) => edges.map((e) => e.node.id);
  const listed = async (filter: Record<string, unknown>, orderBy?: string): Promise<string[]> => {
    const page = (await ok(LIST, { first: 100, filter, orderBy })).reExportRoutes;
    expect(page.totalCount).toBe(page.edges.length);
    return ids(page.edges);
  };
  const expected = (keep: (k: Known) => boolean, order = byScore) =>
    known
      .filter(keep)
      .sort(order)
      .map((k) => k.id);
  const name = (id: string) => Object.entries(route).find(([, v]) => v === id)?.[0];

  it('runs the example queries of docs/routes.md', async () => {
    const examples = [
      ...readFileSync(path.join(projectRoot, 'docs/routes.md'), 'utf8').matchAll(
        /```graphql\n([\s\S]*?)```/g,
      ),
    ]
      .map((m) => m[1])
      .filter((q) => !q.trimStart().startsWith('mutation'));
    expect(examples).toHaveLength(2);
    const { reExportRoutes } = await ok(examples[0]);
    expect(ids(reExportRoutes.edges)).toEqual(
      expected(
        (k) =>
          k.status === 'OPEN' && k.score >= 50 && k.destinationCountry === 'RU' && k.tier === '1',
      ).slice(0, 10),
    );
    expect(reExportRoutes.edges.map((e: any) => e.node.id)).toContain(route.kz);
    const { organization } = await ok(examples[1], { id: org.kz });
    expect(organization.routes.totalCount).toBe(2);
    expect(organization.routes.edges[1].node.legs).toHaveLength(3);
  });

  describe('reExportRoute', () => {
    it('answers every field of a route with an origin party, legs by hop then date', async () => {
      const { reExportRoute: r } = await ok(ONE, { id: route.kz });
      expect(r).toMatchObject({
        id: route.kz,
        score: 80,
        status: 'OPEN',
        source: 'DETECTED',
        version: 1,
        detectedAt: null,
        origin: { organization: { name: 'Routetest Maker Inc' }, country: 'US' },
        intermediaries: [{ name: 'Routetest Steppe Trade LLP', country: 'KZ' }],
        destination: { name: 'OOO Routetest Moskva', country: 'RU' },
        goods: {
          component: { partNumber: 'RTA100' },
          hsCode: '854231',
          chplTier: 'TIER_1',
          byHsCode: false,
        },
        firstShippedOn: '2023-01-10',
        lastShippedOn: '2023-03-01',
        valueUsd: 5000,
        reviewNote: null,
        reviewer: null,
        reviewedAt: null,
        note: null,
      });
      expect(r.legs).toEqual([
        {
          position: 0,
          shipment: {
            id: leg.s1,
            shippedOn: '2023-01-10',
            exporter: { name: 'Routetest Maker Inc' },
            importer: { name: 'Routetest Steppe Trade LLP' },
          },
        },
        expect.objectContaining({ position: 1, shipment: expect.objectContaining({ id: leg.s3 }) }),
        expect.objectContaining({ position: 1, shipment: expect.objectContaining({ id: leg.s2 }) }),
      ]);
      expect(r.redFlags.map((f: { code: string }) => f.code)).toEqual([
        'CHPL_TIER_1',
        'DESTINATION_OF_CONCERN',
        'FAST_PASS_THROUGH',
      ]);
      expect(r.redFlags[2]).toEqual({
        code: 'FAST_PASS_THROUGH',
        weight: 10,
        explanation: 'Routetest Steppe Trade LLP (KZ) re-exported 36 days after receipt',
      });
    });

    it('answers a route of an HS code from an origin country only, intermediaries in path order', async () => {
      const { reExportRoute: r } = await ok(ONE, { id: route.hs });
      expect(r).toMatchObject({
        source: 'MANUAL',
        status: 'UNDER_REVIEW',
        origin: { organization: null, country: 'JP' },
        intermediaries: [
          { name: 'Routetest Harbour Limited', country: 'HK' },
          { name: 'Routetest Bosphorus Dis Ticaret', country: 'TR' },
        ],
        destination: { name: 'Routetest Tehran Co', country: 'IR' },
        goods: { component: null, hsCode: '852691', chplTier: 'TIER_2', byHsCode: true },
      });
      expect(r.legs.map((l: any) => [l.position, l.shipment.id])).toEqual([
        [0, leg.s5],
        [1, leg.s6],
      ]);
    });

    it("takes the part's HS code, else the route's, for the goods", async () => {
      const goods = async (id: string) => (await ok(ONE, { id })).reExportRoute.goods;
      expect(await goods(route.hk)).toEqual({
        component: { partNumber: 'RTOLD7' },
        hsCode: '852691',
        chplTier: 'TIER_2',
        byHsCode: false,
      });
      expect(await goods(route.noHs)).toEqual({
        component: { partNumber: 'RTNOHS' },
        hsCode: '854239',
        chplTier: 'TIER_1',
        byHsCode: false,
      });
    });

    it('answers a route without legs or dates, and null for an unknown id', async () => {
      const { reExportRoute: r } = await ok(ONE, { id: route.de });
      expect(r).toMatchObject({
        legs: [],
        firstShippedOn: null,
        lastShippedOn: null,
        note: 'Reported by a customs officer',
        origin: { organization: { name: 'Routetest Other Maker GmbH' }, country: 'DE' },
        goods: { chplTier: 'TIER_3A' },
      });
      expect(
        (await ok(ONE, { id: '00000000-0000-4000-8000-000000000000' })).reExportRoute,
      ).toBeNull();
      const bad = await t.gql(ONE, { id: 'route-1' });
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('filters', () => {
    it.each([
      ['status CONFIRMED', { status: 'CONFIRMED' }, (k: Known) => k.status === 'CONFIRMED'],
      ['status DISMISSED', { status: 'DISMISSED' }, (k: Known) => k.status === 'DISMISSED'],
      ['minScore 80', { minScore: 80 }, (k: Known) => k.score >= 80],
      ['minScore 0', { minScore: 0 }, () => true],
      ['source MANUAL', { source: 'MANUAL' }, (k: Known) => k.source === 'MANUAL'],
      ['source DETECTED', { source: 'DETECTED' }, (k: Known) => k.source === 'DETECTED'],
      [
        'intermediaryCountry HK',
        { intermediaryCountry: 'hk' },
        (k: Known) => k.intermediaryCountries.includes('HK'),
      ],
      [
        'intermediaryCountry TR',
        { intermediaryCountry: 'TR' },
        (k: Known) => k.intermediaryCountries.includes('TR'),
      ],
      [
        'destinationCountry IR',
        { destinationCountry: 'IR' },
        (k: Known) => k.destinationCountry === 'IR',
      ],
      [
        'destinationCountry RU',
        { destinationCountry: 'RU' },
        (k: Known) => k.destinationCountry === 'RU',
      ],
      ['chplTier TIER_1', { chplTier: 'TIER_1' }, (k: Known) => k.tier === '1'],
      ['chplTier TIER_2', { chplTier: 'TIER_2' }, (k: Known) => k.tier === '2'],
      ['chplTier TIER_3A', { chplTier: 'TIER_3A' }, (k: Known) => k.tier === '3.A'],
      [
        'from and to',
        { from: '2023-03-01', to: '2023-06-01' },
        (k: Known) => k.last !== null && k.last >= '2023-03-01' && k.first! <= '2023-06-01',
      ],
      [
        'from only',
        { from: '2023-06-02' },
        (k: Known) => k.last !== null && k.last >= '2023-06-02',
      ],
      ['to only', { to: '2022-12-31' }, (k: Known) => k.first !== null && k.first <= '2022-12-31'],
      [
        'status, destination and score together',
        { status: 'OPEN', destinationCountry: 'RU', minScore: 40 },
        (k: Known) => k.status === 'OPEN' && k.destinationCountry === 'RU' && k.score >= 40,
      ],
    ])('%s', async (_label, filter, keep) => {
      const want = expected(keep);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(known.length + (_label === 'minScore 0' ? 1 : 0));
      expect(await listed(filter)).toEqual(want);
    });

    it('counts an origin party as no intermediary', async () => {
      // The maker (US) and the other maker (DE) start their routes: no route has them between.
      expect(await listed({ intermediaryCountry: 'US' })).toEqual([]);
      expect(await listed({ intermediaryCountry: 'DE' })).toEqual([]);
      // KZ: an intermediary after an origin party, and the first party of a path without one.
      expect((await listed({ intermediaryCountry: 'KZ' })).map(name)).toEqual(['ir', 'kz']);
    });

    it('by component, and by manufacturer through its lineage', async () => {
      expect((await listed({ componentId: part.a })).map(name)).toEqual(['ir', 'kz']);
      expect((await listed({ componentId: part.other })).map(name)).toEqual(['de']);
      // The maker took the old maker over: the old maker's part is the maker's; HS-code routes are no one's.
      expect((await listed({ manufacturerId: org.maker })).map(name)).toEqual([
        'ir',
        'kz',
        'hk',
        'noHs',
      ]);
      // The lineage runs one way.
      expect((await listed({ manufacturerId: org.oldMaker })).map(name)).toEqual(['hk']);
    });

    it('by an organization anywhere on the path', async () => {
      expect((await listed({ organizationId: org.tr })).map(name)).toEqual(['hs', 'de']);
      expect((await listed({ organizationId: org.maker })).map(name)).toEqual(['kz']);
      expect(await listed({ organizationId: org.ru })).toEqual(
        expected((k) => k.parties.includes(org.ru)),
      );
      expect(await listed({ organizationId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
    });

    it.each([
      ['filter.minScore', { minScore: 101 }],
      ['filter.minScore', { minScore: -1 }],
      ['filter.intermediaryCountry', { intermediaryCountry: 'Kazakhstan' }],
      ['filter.destinationCountry', { destinationCountry: 'R' }],
      ['filter.from', { from: '2023-02-30' }],
      ['filter.to', { to: 'yesterday' }],
      ['filter.componentId', { componentId: 'RTA100' }],
      ['filter.manufacturerId', { manufacturerId: 'ti' }],
      ['filter.organizationId', { organizationId: '1' }],
    ])('refuses a bad %s', async (field, filter) => {
      const res = await t.gql(LIST, { filter });
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([
        { field, messages: [expect.any(String)] },
      ]);
    });
  });

  describe('orders and pages', () => {
    it.each([
      ['SCORE', byScore],
      ['VALUE', byValue],
      ['LAST_SHIPPED', byLastShipped],
    ] as const)('pages through %s with no gaps or duplicates', async (orderBy, order) => {
      const want = expected(() => true, order);
      for (const first of [1, 3]) {
        const seen: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const page: any = (await ok(LIST, { first, after, orderBy })).reExportRoutes;
          expect(page.totalCount).toBe(known.length);
          seen.push(...ids(page.edges));
          after = page.pageInfo.endCursor;
          if (!page.pageInfo.hasNextPage) break;
        }
        expect(seen).toEqual(want);
      }
    });

    it('orders by score by default, and pages a filtered list by last shipment', async () => {
      expect(await listed({})).toEqual(expected(() => true, byScore));
      const filter = { destinationCountry: 'RU' };
      const want = expected((k) => k.destinationCountry === 'RU', byLastShipped);
      const first = (await ok(LIST, { first: 4, filter, orderBy: 'LAST_SHIPPED' })).reExportRoutes;
      const rest = (
        await ok(LIST, {
          first: 100,
          filter,
          orderBy: 'LAST_SHIPPED',
          after: first.pageInfo.endCursor,
        })
      ).reExportRoutes;
      expect([...ids(first.edges), ...ids(rest.edges)]).toEqual(want);
      // Routes without dates come last.
      expect(want.slice(-3).every((id) => known.find((k) => k.id === id)!.last === null)).toBe(
        true,
      );
    });

    it('refuses a cursor of another order or list, and a forged one', async () => {
      const scorePage = (await ok(LIST, { first: 1 })).reExportRoutes;
      const other = await t.gql(LIST, {
        first: 1,
        orderBy: 'VALUE',
        after: scorePage.pageInfo.endCursor,
      });
      expect(other.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(other.errors?.[0].message).toMatch(/route\.score, not route\.value/);
      const shipments = await ok(`{ shipments(first: 1) { pageInfo { endCursor } } }`);
      const foreign = await t.gql(LIST, {
        first: 1,
        after: shipments.shipments.pageInfo.endCursor,
      });
      expect(foreign.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const forge = (values: unknown[]) =>
        Buffer.from(JSON.stringify(values)).toString('base64url');
      const id = route.kz;
      for (const [orderBy, cursor] of [
        ['SCORE', forge(['route.score', null, id])],
        ['SCORE', forge(['route.score', '9999999999', id])],
        ['VALUE', forge(['route.value', '1e9', id])],
        ['LAST_SHIPPED', forge(['route.lastShipped', '2023-02-30', id])],
      ]) {
        const res = await t.gql(LIST, { first: 1, orderBy, after: cursor });
        expect([orderBy, res.errors?.[0].extensions.code]).toEqual([orderBy, 'BAD_USER_INPUT']);
      }
      // A null date is a place in LAST_SHIPPED: the routes without dates after that id.
      const zero = '00000000-0000-4000-8000-000000000000';
      const tail = await ok(LIST, {
        first: 100,
        orderBy: 'LAST_SHIPPED',
        after: forge(['route.lastShipped', null, 'ffffffff-ffff-4fff-bfff-ffffffffffff']),
      });
      expect(ids(tail.reExportRoutes.edges)).toEqual(
        expected((k) => k.last === null, byLastShipped),
      );
      const none = await ok(LIST, {
        first: 100,
        orderBy: 'LAST_SHIPPED',
        after: forge(['route.lastShipped', null, zero]),
      });
      expect(none.reExportRoutes.edges).toEqual([]);
    });
  });

  describe('relations', () => {
    const PARTY = `query($id: ID!, $role: RoutePartyRole, $first: Int, $after: String) {
      organization(id: $id) { routes(role: $role, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
    const partyRoutes = async (o: string, role?: string) => {
      const r = (await ok(PARTY, { id: org[o], role, first: 100 })).organization.routes;
      expect(r.totalCount).toBe(r.edges.length);
      return ids(r.edges).map(name);
    };

    it('shows the routes an organization stands on, by role, highest score first', async () => {
      const hk = expected((k) => k.parties.includes(org.hk)).map(name);
      expect([...hk].sort()).toEqual(['hk', 'hs', 'noHs']);
      expect(await partyRoutes('hk')).toEqual(hk);
      expect(await partyRoutes('hk', 'INTERMEDIARY')).toEqual(hk);
      expect(await partyRoutes('hk', 'ORIGIN')).toEqual([]);
      expect(await partyRoutes('hk', 'DESTINATION')).toEqual([]);
      expect(await partyRoutes('maker')).toEqual(['kz']);
      expect(await partyRoutes('maker', 'ORIGIN')).toEqual(['kz']);
      expect(await partyRoutes('maker', 'INTERMEDIARY')).toEqual([]);
      expect(await partyRoutes('kz', 'INTERMEDIARY')).toEqual(['ir', 'kz']);
      expect(await partyRoutes('tr', 'INTERMEDIARY')).toEqual(['hs', 'de']);
      expect(await partyRoutes('ir', 'DESTINATION')).toEqual(['ir', 'hs']);
      expect(await partyRoutes('ir', 'INTERMEDIARY')).toEqual([]);
      expect(await partyRoutes('ru', 'DESTINATION')).toEqual(
        expected((k) => k.destinationCountry === 'RU').map(name),
      );
      expect(await partyRoutes('ru', 'ORIGIN')).toEqual([]);
    });

    it('pages the routes of an organization', async () => {
      const want = expected((k) => k.parties.includes(org.ru));
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const r: any = (await ok(PARTY, { id: org.ru, first: 3, after })).organization.routes;
        seen.push(...ids(r.edges));
        after = r.pageInfo.endCursor;
        if (!r.pageInfo.hasNextPage) break;
      }
      expect(seen).toEqual(want);
      const bad = await t.gql(PARTY, { id: org.ru, after: 'nonsense' });
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const badRole = await t.gql(PARTY, { id: org.ru, role: 'EXPORTER' });
      expect(badRole.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('shows the routes of a part', async () => {
      const Q = `query($id: ID!) { component(id: $id) { routes(first: 10) {
        totalCount edges { node { id goods { component { partNumber } } } } } } }`;
      const a = (await ok(Q, { id: part.a })).component.routes;
      expect(a.totalCount).toBe(2);
      expect(ids(a.edges).map(name)).toEqual(['ir', 'kz']);
      expect(a.edges[0].node.goods.component.partNumber).toBe('RTA100');
      expect(ids((await ok(Q, { id: part.other })).component.routes.edges).map(name)).toEqual([
        'de',
      ]);
    });

    const count = async (query: string, variables: Record<string, unknown>) => {
      await t.keyFor(Role.ANALYST); // made on first use: not part of the count
      t.queries.reset();
      const res = await t.gql(query, variables);
      expect(res.errors).toBeUndefined();
      return { count: t.queries.count, data: res.data };
    };

    it('loads a page of routes with every relation in as many statements as a page of two', async () => {
      const Q = `query($first: Int) { reExportRoutes(first: $first) { edges { node {
        legs { position shipment { shippedOn exporter { name } importer { name } component { partNumber } } }
        origin { organization { name } country }
        intermediaries { name }
        destination { name }
        goods { component { partNumber manufacturer { name } } hsCode chplTier byHsCode }
        reviewer { email }
        evidence { id }
      } } } }`;
      const small = await count(Q, { first: 2 });
      const all = await count(Q, { first: 100 });
      expect(all.data.reExportRoutes.edges).toHaveLength(known.length);
      // the key check, the page, the legs with their shipments, the parties of the paths, the
      // evidence links and records, the parts, the HS codes (of HS-code routes, then of the parts),
      // the parties of the legs, origins and makers (one level down), the reviewers
      expect(all.count).toBeLessThanOrEqual(11);
      expect(small.count).toBeLessThanOrEqual(all.count);
      const tenth = await count(Q, { first: 10 });
      expect(tenth.count).toBe(all.count);
    });

    it('loads the routes of a page of organizations in one statement per level', async () => {
      const Q = `query($first: Int) { organizations(first: $first, filter: { search: "routetest" }) {
        edges { node { routes(first: 2) { totalCount edges { node { score destination { name } } } } } } } }`;
      const few = await count(Q, { first: 3 });
      const many = await count(Q, { first: 100 });
      expect(many.data.organizations.edges.length).toBeGreaterThanOrEqual(15);
      // the key check + the organizations + their routes + the totals + the destinations
      expect(many.count).toBe(5);
      expect(few.count).toBe(5);
      const byRole = `query($first: Int) { organizations(first: $first, filter: { search: "routetest" }) {
        edges { node { routes(first: 2, role: INTERMEDIARY) { edges { node { id } } } } } } }`;
      expect((await count(byRole, { first: 100 })).count).toBe(3);
    });

    it('loads the routes of a page of parts in one statement', async () => {
      const Q = `query($first: Int) { components(first: $first) { edges { node { routes(first: 2) { edges { node { id } } } } } } }`;
      expect((await count(Q, { first: 100 })).count).toBe(3);
      expect((await count(Q, { first: 3 })).count).toBe(3);
    });
  });
});
