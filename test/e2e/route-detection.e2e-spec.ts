import { Role } from '../../src/auth/role.enum.js';
import { TradeGraph } from './routes/trade-graph.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Route detection on small hand-built trade graphs: what is a route and what is not. Each test
 * builds its own organizations (tagged) and looks only at the routes among them.
 */
describe('route detection (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const graph = () => new TradeGraph(t);

  describe('paths', () => {
    it('one leg: a third-country trader sends coalition-made goods to Russia', async () => {
      const g = graph();
      const hk = await g.org('Harbour Trading', 'HK');
      const ru = await g.org('OOO Buyer', 'RU');
      await g.ship(hk, ru, { on: '2023-03-01', hs: '854231', origin: 'US', value: 5000 });
      const [route] = await g.detect();
      expect(route.names).toEqual(['Harbour Trading', 'OOO Buyer']);
      expect(route).toMatchObject({
        hasOriginParty: false,
        originCountry: 'US',
        componentId: null,
        hsCode: '854231',
        valueUsd: 5000,
      });
    });

    it('two legs from the maker, and three, each a route of its own path', async () => {
      const g = graph();
      const ti = await g.org('Texas Instruments', 'US', { roles: ['MANUFACTURER'] });
      const hk = await g.org('Harbour Trading', 'HK');
      const ae = await g.org('Gulf Trading FZE', 'AE');
      const ru = await g.org('OOO Buyer', 'RU');
      const by = await g.org('OAO Minsk', 'BY');
      const dsp = await g.part(ti, 'TMS320F28335');
      await g.ship(ti, hk, { on: '2023-01-10', part: dsp, quantity: 1000 });
      await g.ship(hk, ru, { on: '2023-02-01', part: dsp, quantity: 400 });
      await g.ship(hk, ae, { on: '2023-02-05', part: dsp, quantity: 500 });
      await g.ship(ae, by, { on: '2023-03-01', part: dsp, quantity: 500 });
      const routes = await g.detect();
      expect(routes.map((r) => r.names.join(' > '))).toEqual([
        'Texas Instruments > Harbour Trading > Gulf Trading FZE > OAO Minsk',
        'Texas Instruments > Harbour Trading > OOO Buyer',
      ]);
      expect(routes.every((r) => r.hasOriginParty && r.originCountry === 'US')).toBe(true);
      const three = routes[0];
      expect(three.legs.map((l) => l.position)).toEqual([0, 1, 2]);
      expect(three).toMatchObject({ firstShippedOn: '2023-01-10', lastShippedOn: '2023-03-01' });
    });

    it('three intermediaries at most; no route through four', async () => {
      const g = graph();
      const maker = await g.org('Maker', 'US', { roles: ['MANUFACTURER'] });
      const [a, b, c, d] = await Promise.all(
        ['A', 'B', 'C', 'D'].map((n, i) => g.org(`Hop ${n}`, ['HK', 'AE', 'KZ', 'TR'][i])),
      );
      const ru = await g.org('OOO End', 'RU');
      const part = await g.part(maker, 'LONG-1');
      const days = ['2023-01-01', '2023-01-10', '2023-01-20', '2023-02-01', '2023-02-10'];
      const hops = [maker, a, b, c, d, ru];
      for (let i = 0; i < 5; i++) await g.ship(hops[i], hops[i + 1], { on: days[i], part });
      const paths = (await g.detect()).map((r) => r.names.join(' > '));
      // The chain from the maker is four intermediaries long: what is left is its last three.
      expect(paths).toEqual(['Hop B > Hop C > Hop D > OOO End']);
    });

    it('a cycle: the goods go round and still reach Russia once, with no party twice', async () => {
      const g = graph();
      const maker = await g.org('Maker', 'DE', { roles: ['MANUFACTURER'] });
      const hk = await g.org('Circle HK', 'HK');
      const ae = await g.org('Circle AE', 'AE');
      const ru = await g.org('OOO Circle', 'RU');
      const part = await g.part(maker, 'CYCLE-1');
      await g.ship(maker, hk, { on: '2023-01-01', part });
      await g.ship(hk, ae, { on: '2023-01-10', part });
      await g.ship(ae, hk, { on: '2023-01-20', part });
      await g.ship(hk, ru, { on: '2023-02-01', part });
      const routes = await g.detect();
      expect(routes.map((r) => r.names.join(' > '))).toEqual(['Maker > Circle HK > OOO Circle']);
      expect(routes.every((r) => new Set(r.path).size === r.path.length)).toBe(true);
    });

    it('a leg outside the window does not chain: the later leg stands alone', async () => {
      const g = graph();
      const maker = await g.org('Maker', 'US', { roles: ['MANUFACTURER'] });
      const hk = await g.org('Slow HK', 'HK');
      const ru = await g.org('OOO Late', 'RU');
      const part = await g.part(maker, 'WINDOW-1');
      await g.ship(maker, hk, { on: '2023-01-01', part });
      await g.ship(hk, ru, { on: '2023-07-15', part }); // 195 days later, window 180
      expect((await g.detect()).map((r) => r.names.join(' > '))).toEqual(['Slow HK > OOO Late']);
    });

    it('an HS mismatch: other goods leave than arrived, and goods of no coalition origin are no route', async () => {
      const g = graph();
      const maker = await g.org('Maker', 'US', { roles: ['MANUFACTURER'] });
      const hk = await g.org('Mixed HK', 'HK');
      const ru = await g.org('OOO Other Goods', 'RU');
      const part = await g.part(maker, 'HS-1', '854231');
      await g.ship(maker, hk, { on: '2023-01-01', part });
      await g.ship(hk, ru, { on: '2023-01-20', hs: '850440', origin: 'CN' });
      expect(await g.paths()).toEqual([]);
    });

    it('a quantity that grows downstream does not chain', async () => {
      const g = graph();
      const maker = await g.org('Maker', 'US', { roles: ['MANUFACTURER'] });
      const hk = await g.org('Growing HK', 'HK');
      const ru = await g.org('OOO More', 'RU');
      const part = await g.part(maker, 'QTY-1');
      await g.ship(maker, hk, { on: '2023-01-01', part, quantity: 100 });
      await g.ship(hk, ru, { on: '2023-01-20', part, quantity: 500 });
      // What left is not what arrived: the Russian leg stands alone, its upstream unexplained.
      expect(await g.paths()).toEqual(['Growing HK > OOO More']);
      // Enough arriving within the window makes it one route from the maker.
      await g.ship(maker, hk, { on: '2023-01-05', part, quantity: 450 });
      expect(await g.paths()).toEqual(['Maker > Growing HK > OOO More']);
    });

    it('legitimate trade is never a route: coalition to coalition, domestic, never reaching a destination', async () => {
      const g = graph();
      const maker = await g.org('Maker', 'US', { roles: ['MANUFACTURER'] });
      const de = await g.org('German Distributor', 'DE');
      const ru = await g.org('OOO Direct', 'RU');
      const hk = await g.org('Local HK', 'HK');
      const hk2 = await g.org('Local HK Buyer', 'HK');
      const vn = await g.org('Vietnam Buyer', 'VN');
      const part = await g.part(maker, 'LEGIT-1');
      await g.ship(maker, de, { on: '2023-01-01', part });
      await g.ship(de, ru, { on: '2023-01-20', part }); // from the coalition itself: no third country
      await g.ship(maker, hk, { on: '2023-01-01', part });
      await g.ship(hk, hk2, { on: '2023-01-10', part }); // a domestic sale in a third country
      await g.ship(hk, vn, { on: '2023-01-20', part }); // never reaches a destination of concern
      expect(await g.paths()).toEqual([]);
    });

    it('a hub with many unrelated flows finds its one route and no other', async () => {
      const g = graph();
      const hub = await g.org('Big Hub Distributor', 'HK', { roles: ['DISTRIBUTOR'] });
      const makers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          g.org(`Maker ${i}`, 'US', { roles: ['MANUFACTURER'] }),
        ),
      );
      const buyers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => g.org(`Buyer ${i}`, 'VN')),
      );
      const parts = await Promise.all(makers.map((m, i) => g.part(m, `HUB-${i}`)));
      for (let i = 0; i < makers.length; i++)
        for (const day of ['2023-01-05', '2023-03-05', '2023-05-05'])
          await g.ship(makers[i], hub, { on: day, part: parts[i], quantity: 1000 });
      for (let b = 0; b < buyers.length; b++)
        await g.ship(hub, buyers[b], {
          on: '2023-02-01',
          part: parts[b % parts.length],
          quantity: 10,
        });
      const ru = await g.org('OOO Hub Client', 'RU');
      await g.ship(hub, ru, { on: '2023-03-20', part: parts[3], quantity: 50 });
      const routes = await g.detect();
      expect(routes.map((r) => r.names.join(' > '))).toEqual([
        'Maker 3 > Big Hub Distributor > OOO Hub Client',
      ]);
      // Its legs: the arrivals that can explain the Russian leg (within the window before it), and it.
      expect(routes[0].legs.map((l) => l.position)).toEqual([0, 0, 1]);
    });
  });

  describe('detectRoutes', () => {
    it('is COMPLIANCE and up, answers its counts, is recorded and audited', async () => {
      const g = graph();
      const hk = await g.org('Counted HK', 'HK');
      const ru = await g.org('OOO Counted', 'RU');
      await g.ship(hk, ru, { on: '2024-01-01', origin: 'JP' });
      const DETECT = `mutation { detectRoutes(input: { full: true }) { runId mode routesFound newRoutes updatedRoutes removedRoutes durationMs } }`;
      const refused = await t.gql(DETECT, {}, { as: Role.ANALYST });
      expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const res = await t.gql(DETECT, {}, { as: Role.COMPLIANCE });
      expect(res.errors).toBeUndefined();
      const run = res.data.detectRoutes;
      expect(run.mode).toBe('FULL');
      expect(run.routesFound).toBeGreaterThanOrEqual(1);
      const [stored] = await t.ds.query(
        `SELECT status, routes_found, mode FROM route_detection_run WHERE id = $1`,
        [run.runId],
      );
      expect(stored).toEqual({ status: 'DONE', routes_found: run.routesFound, mode: 'FULL' });
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'route.detect' AND subject_id = $1`,
        [run.runId],
      );
      expect(n).toBe(1);
      // The next run without `full` reads only what changed since.
      const again = await t.gql(
        `mutation { detectRoutes { mode newRoutes } }`,
        {},
        { as: Role.COMPLIANCE },
      );
      expect(again.data.detectRoutes).toEqual({ mode: 'INCREMENTAL', newRoutes: 0 });
    });
  });
});
