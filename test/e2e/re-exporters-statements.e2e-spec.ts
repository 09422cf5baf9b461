import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';
import {
  insertComponent,
  insertOrganization,
  insertRoute,
  insertShipment,
} from './routes-fixture.js';

const FIELDS = `organization { name country } routeCount confirmedRouteCount valueUsd highestScore
  topRedFlags { code weight routeCount } destinations
  suppliers { organization { name country } country } firstSeen lastSeen`;
const LIST = `query($country: String!, $after: String) {
  reExporters(filter: { country: $country }, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FIELDS} } }
  }
}`;
const PROFILES = `query($country: String!) {
  organizations(filter: { country: $country }, first: 100) {
    edges { node { name reExportProfile { ${FIELDS} } } }
  }
}`;

/** Routes each re-exporter stands on: one of them flagged by hand without legs. */
const ROUTES_EACH = 6;

/**
 * The statements of the re-exporters view do not grow with the number of re-exporters, routes,
 * flags, destinations or suppliers: a group of 3 re-exporters (UZ) and one of 50 (MN), each on
 * six routes, answer in the same number.
 */
describe('reExporters and reExportProfile: statements (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.ds;
    await ds.query('DELETE FROM route');
    const makers: string[] = [];
    const parts: string[] = [];
    for (const [i, country] of ['US', 'DE', 'JP'].entries()) {
      makers.push(await insertOrganization(ds, `Rxstmt Maker ${i}`, country));
      parts.push(await insertComponent(ds, makers[i], `RXSTMT${i}`, '854231'));
    }
    const destinations: string[] = [];
    for (const [i, country] of ['RU', 'IR', 'BY'].entries()) {
      destinations.push(await insertOrganization(ds, `Rxstmt Buyer ${i}`, country));
    }
    const flags = ['CHPL_TIER_1', 'FAST_PASS_THROUGH', 'NEW_COMPANY', 'TRANSSHIPMENT_HUB'];
    for (const [country, size] of [
      ['UZ', 3],
      ['MN', 50],
    ] as const) {
      for (let n = 0; n < size; n++) {
        const trader = await insertOrganization(ds, `Rxstmt ${country} Trader ${n}`, country);
        for (let k = 0; k < ROUTES_EACH; k++) {
          const maker = makers[k % 3];
          const buyer = destinations[(n + Math.floor(k / 2)) % 3];
          const day = `2023-0${1 + (k % 9)}-1${k % 10}`;
          const redFlags = flags
            .slice(0, 1 + ((n + k) % 4))
            .map((code) => ({ code, weight: 10, explanation: code }));
          const route = {
            path: [maker, trader, buyer],
            hasOriginParty: true,
            originCountry: 'US',
            componentId: parts[k % 3],
            valueUsd: 100 * (k + 1),
            score: 10 * ((n + k) % 10),
            status: k === 0 ? ('CONFIRMED' as const) : ('OPEN' as const),
            redFlags,
          };
          if (k === ROUTES_EACH - 1) {
            await insertRoute(ds, { ...route, source: 'MANUAL' });
            continue;
          }
          const ship = (from: string, to: string) =>
            insertShipment(ds, {
              shippedOn: day,
              exporterId: from,
              importerId: to,
              componentId: parts[k % 3],
              valueUsd: 100 * (k + 1),
            });
          await insertRoute(ds, {
            ...route,
            firstShippedOn: day,
            lastShippedOn: day,
            legs: [
              { shipmentId: await ship(maker, trader), position: 0 },
              { shipmentId: await ship(trader, buyer), position: 1 },
            ],
          });
        }
      }
    }
  });
  afterAll(() => t.close());

  const count = async (query: string, variables: Record<string, unknown>) => {
    await t.keyFor(Role.ANALYST); // made on first use: not part of the count
    t.queries.reset();
    const res = await t.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return { count: t.queries.count, data: res.data };
  };

  it('reads a page of re-exporters with every field in as many statements for 3 as for 50', async () => {
    const few = await count(LIST, { country: 'UZ' });
    const many = await count(LIST, { country: 'MN' });
    expect(few.data.reExporters.totalCount).toBe(3);
    expect(many.data.reExporters.totalCount).toBe(50);
    expect(many.data.reExporters.edges).toHaveLength(50);
    for (const { node } of many.data.reExporters.edges) {
      expect(node.routeCount).toBe(ROUTES_EACH);
      expect(node.suppliers).toHaveLength(3);
      expect(node.destinations).toHaveLength(3);
    }
    // the key check, the page, the total, the organizations (re-exporters and suppliers together)
    expect(many.count).toBe(4);
    expect(few.count).toBe(many.count);
    // The next page costs the same.
    const after = many.data.reExporters.edges[9].cursor;
    const next = await count(LIST, { country: 'MN', after });
    expect(next.data.reExporters.edges).toHaveLength(40);
    expect(next.count).toBe(many.count);
  });

  it('reads the profiles of a page of organizations in as many statements for 3 as for 50', async () => {
    const few = await count(PROFILES, { country: 'UZ' });
    const many = await count(PROFILES, { country: 'MN' });
    const profiles = many.data.organizations.edges.map((e: any) => e.node.reExportProfile);
    expect(profiles).toHaveLength(50);
    expect(profiles.every((p: any) => p?.routeCount === ROUTES_EACH)).toBe(true);
    // the key check, the organizations, their profiles, the suppliers' organizations
    expect(many.count).toBe(4);
    expect(few.count).toBe(many.count);
  });
});
