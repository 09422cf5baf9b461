import { Role } from '../../src/auth/role.enum.js';
import { SYSTEM_ACTOR } from '../../src/auth/auth-user.js';
import { OrganizationMergeService } from '../../src/organizations/organization-merge.service.js';
import { TradeGraph } from './routes/trade-graph.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Red flags on detected routes, and what stays of a route when detection runs again. */
describe('route scoring and re-detection (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const flags = (route: { flags: { code: string; explanation: string }[] }) =>
    Object.fromEntries(route.flags.map((f) => [f.code, f.explanation]));

  it('raises every flag of the catalogue with an explanation naming what raised it', async () => {
    const g = new TradeGraph(t);
    const maker = await g.org('Texas Instruments', 'US', { roles: ['MANUFACTURER'] });
    const owner = await g.org('Owner Holding', 'CY');
    const kz = await g.org('Silk Road Microelectronics LLP', 'KZ', {
      incorporatedOn: '2022-06-01',
      address: '12 Abay Ave, Almaty',
      parentId: owner,
    });
    const ru = await g.org('OOO Vostok', 'RU', {
      address: '12  abay ave, almaty',
      parentId: owner,
      registrationIds: { ru_inn: '7701234567' },
    });
    const part = await g.part(maker, 'TMS320F28335', '854231');
    await g.foundInShahed(part, '2022-10-13');
    await g.listed(ru, 'US_OFAC_SDN', 'RUSSIA-EO14024', '2023-05-19');
    await g.ship(maker, kz, { on: '2023-01-10', part, quantity: 1000, value: 10_000 });
    await g.ship(kz, ru, { on: '2023-01-28', part, quantity: 900, value: 12_000 });

    const [route] = await g.detect();
    expect(flags(route)).toEqual({
      CHPL_TIER_1: expect.stringMatching(
        /^HS 854231 .*is in tier 1 of the Common High Priority List$/,
      ),
      FOUND_IN_WEAPON: expect.stringMatching(
        /^TMS320F28335-\w+ was recovered from a Shahed-136 \(1 finding, first on 2022-10-13\)$/,
      ),
      TRANSSHIPMENT_HUB: expect.stringMatching(
        /^Silk Road Microelectronics LLP \w+ \(KZ\) is in a known transshipment country$/,
      ),
      DESTINATION_OF_CONCERN: expect.stringMatching(/^The goods end with OOO Vostok \w+ \(RU\)$/),
      SANCTIONED_PARTY: expect.stringMatching(
        /OOO Vostok \w+ \(RU\) is listed by US_OFAC_SDN \(RUSSIA-EO14024\) since 2023-05-19/,
      ),
      SHIPPED_BEFORE_LISTING: expect.stringMatching(
        /OOO Vostok \w+ \(RU\) traded these goods on 2023-01-28, before its US_OFAC_SDN listing of 2023-05-19/,
      ),
      NEW_COMPANY: expect.stringMatching(
        /\(KZ\) was incorporated on 2022-06-01, after 24 February 2022$/,
      ),
      FAST_PASS_THROUGH: expect.stringMatching(/\(KZ\) re-exported 18 days after receipt$/),
      PASS_THROUGH_VOLUME: expect.stringMatching(
        /\(KZ\) sent 100% of what it received by value \(USD 12,000 of USD 10,000\) to destinations of concern$/,
      ),
      SHARED_IDENTITY: expect.stringMatching(
        /share the address 12 ABAY AVE, ALMATY; .* share the owner Owner Holding/,
      ),
    });
    expect(route.score).toBe(100);
  });

  it('raises none of them when their conditions do not hold', async () => {
    const g = new TradeGraph(t);
    const kz = await g.org('Old Trading LLP', 'VN', { incorporatedOn: '2001-01-01' });
    const ru = await g.org('OOO Quiet', 'RU');
    const other = await g.org('Other Buyer', 'VN');
    await g.ship(kz, ru, { on: '2023-03-01', hs: '940540', origin: 'JP', value: 100 });
    await g.ship(kz, other, { on: '2023-04-01', hs: '940540', origin: 'CN', value: 900 });
    const [route] = await g.detect();
    expect(route.flags.map((f) => f.code)).toEqual(['DESTINATION_OF_CONCERN']);
    expect(route.score).toBe(20);
  });

  it('keeps the review when detection runs again, and adds the new legs', async () => {
    const g = new TradeGraph(t);
    const maker = await g.org('Maker', 'US', { roles: ['MANUFACTURER'] });
    const hk = await g.org('Reviewed HK', 'HK');
    const ru = await g.org('OOO Reviewed', 'RU');
    const part = await g.part(maker, 'REVIEW-1');
    await g.ship(maker, hk, { on: '2023-01-01', part, quantity: 1000 });
    await g.ship(hk, ru, { on: '2023-01-20', part, quantity: 100 });
    const [first] = await g.detect();
    const review = await t.gql(
      `mutation($input: ReviewRouteInput!) { reviewRoute(input: $input) { status version } }`,
      {
        input: {
          id: first.id,
          status: 'CONFIRMED',
          note: 'matches the customs extract',
          expectedVersion: first.version,
        },
      },
      { as: Role.COMPLIANCE },
    );
    expect(review.errors).toBeUndefined();

    await g.ship(hk, ru, { on: '2023-02-10', part, quantity: 100, value: 2000 });
    const [again] = await g.detect(false); // incremental
    expect(again.id).toBe(first.id);
    expect(again.legs).toHaveLength(3);
    expect(again.lastShippedOn).toBe('2023-02-10');
    expect(again.valueUsd).toBe(3000);
    const [kept] = await t.ds.query(
      `SELECT status, review_note, reviewer_id IS NOT NULL AS reviewed, version FROM route WHERE id = $1`,
      [first.id],
    );
    expect(kept).toEqual({
      status: 'CONFIRMED',
      review_note: 'matches the customs extract',
      reviewed: true,
      version: review.data.reviewRoute.version + 1,
    });
  });

  it('removes a detected route no longer found, unless someone looked at it', async () => {
    const g = new TradeGraph(t);
    const hk = await g.org('Fleeting HK', 'HK');
    const ru = await g.org('OOO Fleeting', 'RU');
    const ae = await g.org('Kept AE', 'AE');
    const shipment = await g.ship(hk, ru, { on: '2023-05-01', origin: 'US' });
    await g.ship(ae, ru, { on: '2023-05-01', origin: 'US' });
    const before = await g.detect();
    expect(before).toHaveLength(2);
    const kept = before.find((r) => r.names[0] === 'Kept AE')!;
    await t.ds.query(`UPDATE route SET review_note = 'seen' WHERE id = $1`, [kept.id]);
    // Both flows lose their coalition origin: neither is a route any more.
    await t.ds.query(
      `UPDATE shipment SET origin_country = 'CN' WHERE source = 'trade-graph' AND importer_id = $1`,
      [ru],
    );
    void shipment;
    const after = await g.detect(false);
    expect(after.map((r) => r.id)).toEqual([kept.id]);
  });

  it('a merge of two intermediaries leaves one route, with the legs and evidence of both', async () => {
    const g = new TradeGraph(t);
    const maker = await g.org('Maker', 'US', { roles: ['MANUFACTURER'] });
    const hk = await g.org('Twin Trading', 'HK');
    const dup = await g.org('Twin Trading Co Ltd', 'HK');
    const ru = await g.org('OOO Twin', 'RU');
    const part = await g.part(maker, 'TWIN-1');
    await g.ship(maker, hk, { on: '2023-01-01', part });
    await g.ship(hk, ru, { on: '2023-01-15', part });
    await g.ship(maker, dup, { on: '2023-02-01', part });
    await g.ship(dup, ru, { on: '2023-02-15', part });
    const routes = await g.detect();
    expect(routes).toHaveLength(2);
    const viaDup = routes.find((r) => r.path.includes(dup))!;
    const [{ id: evidence }] = await t.ds.query(
      `INSERT INTO evidence (title) VALUES ('twin') RETURNING id`,
    );
    await t.ds.query(
      `INSERT INTO evidence_link (evidence_id, subject_type, subject_id) VALUES ($1, 'ROUTE', $2)`,
      [evidence, viaDup.id],
    );

    await t.app.get(OrganizationMergeService).merge(SYSTEM_ACTOR, { keepId: hk, duplicateId: dup });
    const merged = await g.routes();
    expect(merged).toHaveLength(1);
    expect(merged[0].path).toEqual([maker, hk, ru]);
    expect(merged[0].legs).toHaveLength(4);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM evidence_link WHERE subject_type = 'ROUTE' AND subject_id = $1`,
      [merged[0].id],
    );
    expect(n).toBe(1);
    const [{ identity }] = await t.ds.query(
      `SELECT identity_hash = route_identity(party_path, component_id, hs_code) AS identity FROM route WHERE id = $1`,
      [merged[0].id],
    );
    expect(identity).toBe(true);
    // Detection agrees: the same route, found again, not a new one.
    const again = await g.detect();
    expect(again.map((r) => r.id)).toEqual([merged[0].id]);
  });

  it('an incremental run finds what a full run finds', async () => {
    const g = new TradeGraph(t);
    const maker = await g.org('Maker', 'JP', { roles: ['MANUFACTURER'] });
    const hk = await g.org('Step HK', 'HK');
    const ae = await g.org('Step AE', 'AE');
    const ru = await g.org('OOO Step', 'RU');
    const part = await g.part(maker, 'STEP-1');
    await g.ship(maker, hk, { on: '2023-01-01', part, quantity: 500 });
    await g.detect(); // a full run, then shipments trickle in
    await g.ship(hk, ae, { on: '2023-01-15', part, quantity: 400 });
    await g.ship(ae, ru, { on: '2023-02-01', part, quantity: 300 });
    await g.ship(hk, ru, { on: '2023-01-20', part, quantity: 50 });
    const incremental = await g.detect(false);
    const full = await g.detect(true);
    const summary = (rs: typeof full) =>
      rs.map((r) => ({ id: r.id, names: r.names, legs: r.legs, score: r.score, flags: r.flags }));
    expect(summary(incremental)).toEqual(summary(full));
    expect(incremental.map((r) => r.names.join(' > '))).toEqual([
      'Maker > Step HK > OOO Step',
      'Maker > Step HK > Step AE > OOO Step',
    ]);
  });
});
