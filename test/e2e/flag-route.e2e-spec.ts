import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '../../src/auth/role.enum.js';
import { projectRoot } from '../../src/common/project-root.js';
import { TradeGraph } from './routes/trade-graph.js';
import { createTestApp, type TestApp } from './test-app.js';

const ROUTE_FIELDS = `id source note score status version firstShippedOn lastShippedOn valueUsd
  redFlags { code explanation }
  origin { country organization { name } }
  intermediaries { name } destination { name }
  goods { component { partNumber } hsCode byHsCode }
  legs { position shipment { id } }`;
const FLAG = `mutation($input: FlagRouteInput!) { flagRoute(input: $input) { ${ROUTE_FIELDS} } }`;
const REVIEW = `mutation($input: ReviewRouteInput!) {
  reviewRoute(input: $input) { status reviewNote version } }`;
const ROUTE = `query($id: ID!) { reExportRoute(id: $id) { ${ROUTE_FIELDS} reviewNote
  evidence { title } } }`;

interface Flag {
  code: string;
  explanation: string;
}

const codes = (route: { redFlags: Flag[] }) => route.redFlags.map((f) => f.code).sort();
/** A TradeGraph name or part number without its tag. */
const untag = (name: string) => name.replace(/[ -]\w{8}$/, '');

/**
 * `flagRoute`: routes investigators know of from reports, designations and leaks, over shipments
 * already recorded or as a path of organizations with no trade records at all; scored, reviewed,
 * found and merged like the detected ones.
 */
describe('flagRoute (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const flag = (input: Record<string, unknown>, as: Role = Role.INVESTIGATOR) =>
    t.gql(FLAG, { input }, { as });
  const flagged = async (input: Record<string, unknown>) => {
    const res = await flag(input);
    expect(res.errors).toBeUndefined();
    return res.data.flagRoute;
  };
  const errorOf = async (input: Record<string, unknown>, as?: Role) => {
    const res = await flag(input, as);
    expect(res.data).toBeNull();
    const [e] = res.errors ?? [];
    return {
      code: e.extensions.code,
      message: e.message,
      fields: (e.extensions.fields ?? []) as { field: string; messages: string[] }[],
    };
  };

  /** The September 2023 case: a Hong Kong company, servomotors through Dubai, an Iranian maker. */
  async function designationCase(g: TradeGraph) {
    const maker = await g.org('Servo Maker Corp', 'US', { roles: ['MANUFACTURER'] });
    const hk = await g.org('Harbour Motion Ltd', 'HK');
    const ae = await g.org('Gulf Servo Trading FZE', 'AE');
    const ir = await g.org('Qods Parts Co', 'IR');
    const servo = await g.part(maker, 'SERVO-DM', '850110');
    return { maker, hk, ae, ir, servo };
  }
  const NOTE = 'US Treasury designation, September 2023: servomotors via Dubai';

  describe('as a path of organizations, with no trade records', () => {
    it('stores a MANUAL route with its goods, dates, value and note; scored; audited', async () => {
      const g = new TradeGraph(t);
      const { hk, ae, ir, servo } = await designationCase(g);
      const r = await flagged({
        partyIds: [hk, ae, ir],
        componentId: servo,
        originCountry: 'US',
        firstShippedOn: '2022-11-01',
        lastShippedOn: '2023-06-30',
        valueUsd: 250000,
        note: `  ${NOTE}  `,
      });
      expect({
        ...r,
        intermediaries: r.intermediaries.map((o: { name: string }) => untag(o.name)),
        destination: untag(r.destination.name),
        goods: { ...r.goods, component: untag(r.goods.component.partNumber) },
      }).toEqual({
        id: expect.any(String),
        source: 'MANUAL',
        note: NOTE,
        score: 30,
        status: 'OPEN',
        version: 1,
        firstShippedOn: '2022-11-01',
        lastShippedOn: '2023-06-30',
        valueUsd: 250000,
        redFlags: [
          {
            code: 'DESTINATION_OF_CONCERN',
            explanation: expect.stringMatching(/^The goods end with Qods Parts Co \w+ \(IR\)$/),
          },
          {
            code: 'TRANSSHIPMENT_HUB',
            explanation: expect.stringMatching(
              /^Harbour Motion Ltd \w+ \(HK\) and Gulf Servo Trading FZE \w+ \(AE\) are in a known/,
            ),
          },
        ],
        origin: { country: 'US', organization: null },
        intermediaries: ['Harbour Motion Ltd', 'Gulf Servo Trading FZE'],
        destination: 'Qods Parts Co',
        goods: { component: 'SERVO-DM', hsCode: '850110', byHsCode: false },
        legs: [],
      });

      const audits = await t.ds.query(
        `SELECT a.action, u.email, a.after->>'source' AS source, a.after->>'note' AS note,
                a.after->'legs' AS legs
           FROM audit_event a JOIN app_user u ON u.id = a.actor_id
          WHERE a.subject_type = 'route' AND a.subject_id = $1`,
        [r.id],
      );
      expect(audits).toEqual([
        {
          action: 'route.flag',
          email: 'investigator@test.sanctrace',
          source: 'MANUAL',
          note: NOTE,
          legs: [],
        },
      ]);
    });

    it('scores what the data allows: a listed party and a part found in a weapon raise their flags', async () => {
      const g = new TradeGraph(t);
      const { maker, hk, ir, servo } = await designationCase(g);
      await g.foundInShahed(servo, '2023-05-02');
      await g.listed(hk, 'US_OFAC_SDN', 'IRAN-EO13382', '2023-09-14');
      // From the maker: the origin is a party, and only Hong Kong stands between.
      const r = await flagged({ partyIds: [maker, hk, ir], componentId: servo, note: NOTE });
      expect(codes(r)).toEqual([
        'DESTINATION_OF_CONCERN',
        'FOUND_IN_WEAPON',
        'SANCTIONED_PARTY',
        'TRANSSHIPMENT_HUB',
      ]);
      expect(r.score).toBe(85);
      expect(untag(r.origin.organization.name)).toBe('Servo Maker Corp');
      expect(r.origin.country).toBe('US');
      expect(r.intermediaries.map((o: { name: string }) => untag(o.name))).toEqual([
        'Harbour Motion Ltd',
      ]);
      // With no dates and no legs, nothing says it shipped before the listing.
      expect(r).toMatchObject({ firstShippedOn: null, lastShippedOn: null, valueUsd: 0 });
    });

    it('an HS code alone stands for the goods when no part is known', async () => {
      const g = new TradeGraph(t);
      const hk = await g.org('Kowloon Chips Ltd', 'HK');
      const ru = await g.org('OOO Radiodetal', 'RU');
      const r = await flagged({ partyIds: [hk, ru], hsCode: '854231', note: 'Court filing' });
      expect(r.goods).toEqual({ component: null, hsCode: '854231', byHsCode: true });
      expect(codes(r)).toEqual(['CHPL_TIER_1', 'DESTINATION_OF_CONCERN', 'TRANSSHIPMENT_HUB']);
      expect(r.origin).toEqual({ country: null, organization: null });
    });
  });

  describe('from shipments already recorded', () => {
    it('takes the path, legs, dates, value and goods from the shipments in order', async () => {
      const g = new TradeGraph(t);
      const maker = await g.org('Analog Maker Inc', 'US', { roles: ['MANUFACTURER'] });
      const kz = await g.org('Steppe Components LLP', 'KZ');
      const ru = await g.org('OOO Sever', 'RU');
      const part = await g.part(maker, 'ADXL-1', '854231');
      const s1 = await g.ship(maker, kz, { on: '2023-02-01', part, value: 7000 });
      const s2 = await g.ship(kz, ru, { on: '2023-02-20', part, value: 4000 });
      const s3 = await g.ship(kz, ru, { on: '2023-03-05', part, value: 5000 });
      const r = await flagged({ shipmentIds: [s1, s2, s3], note: 'Leaked invoices' });
      expect(r).toMatchObject({
        source: 'MANUAL',
        firstShippedOn: '2023-02-01',
        lastShippedOn: '2023-03-05',
        valueUsd: 9000, // what reached the destination
        origin: { country: 'US' },
        goods: { hsCode: '854231', byHsCode: false },
        legs: [
          { position: 0, shipment: { id: s1 } },
          { position: 1, shipment: { id: s2 } },
          { position: 1, shipment: { id: s3 } },
        ],
      });
      expect(untag(r.origin.organization.name)).toBe('Analog Maker Inc');
      // The legs feed the catalogue as a detected route's do: 19 days in Kazakhstan, and all it
      // received sent on to Russia.
      expect(codes(r)).toEqual([
        'CHPL_TIER_1',
        'DESTINATION_OF_CONCERN',
        'FAST_PASS_THROUGH',
        'PASS_THROUGH_VOLUME',
        'TRANSSHIPMENT_HUB',
      ]);
      const [{ legs }] = await t.ds.query(
        `SELECT after->'legs' AS legs FROM audit_event WHERE subject_id = $1 AND action = 'route.flag'`,
        [r.id],
      );
      expect(legs).toEqual([s1, s2, s3]);
    });

    it('refuses shipments that are not a route, naming why, and writes nothing', async () => {
      const g = new TradeGraph(t);
      const maker = await g.org('Maker Inc', 'US', { roles: ['MANUFACTURER'] });
      const hk = await g.org('Broken Chain Ltd', 'HK');
      const ae = await g.org('Broken Chain FZE', 'AE');
      const ru = await g.org('OOO Broken', 'RU');
      const de = await g.org('Coalition GmbH', 'DE');
      const part = await g.part(maker, 'BRK-1');
      const toHk = await g.ship(maker, hk, { on: '2023-01-01', part });
      const aeRu = await g.ship(ae, ru, { on: '2023-01-10', part });
      const hkRu = await g.ship(hk, ru, { on: '2023-01-10', hs: '850440' });
      const hkDe = await g.ship(hk, de, { on: '2023-01-10', part });
      const deRu = await g.ship(de, ru, { on: '2023-01-20', part });
      const ruHk = await g.ship(ru, hk, { on: '2023-01-20', part });
      const before = await t.ds.query(`SELECT count(*)::int AS n FROM route`);

      const cases: [string[], RegExp][] = [
        [[toHk, aeRu], /does not leave the importer of the shipment before it/],
        [[toHk, hkRu], /they carry different goods/],
        [[toHk, hkDe, deRu], /Coalition GmbH \w+ \(DE\) cannot be an intermediary/],
        [[toHk], /Broken Chain Ltd \w+ \(HK\) is not in a destination of concern/],
        [[toHk, hkRu.replace(/.$/, (c) => (c === '0' ? '1' : '0'))], /No shipment/i],
      ];
      for (const [shipmentIds, why] of cases) {
        const e = await errorOf({ shipmentIds, note: 'x' });
        expect(e.code).toBe('BAD_USER_INPUT');
        expect(JSON.stringify(e.fields)).toMatch(why);
      }
      // Back to a party already on it (Russia to Hong Kong and on to Russia again).
      const loop = await errorOf({ shipmentIds: [toHk, hkRu, ruHk], note: 'x' });
      expect(loop.code).toBe('BAD_USER_INPUT');
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM route`)).toEqual(before);
    });
  });

  describe('bad input', () => {
    let path: { hk: string; ae: string; ir: string; servo: string; maker: string };
    let de: string;
    beforeAll(async () => {
      const g = new TradeGraph(t);
      path = await designationCase(g);
      de = await g.org('Partner GmbH', 'DE');
    });

    it('answers BAD_USER_INPUT naming the field, never half-writing', async () => {
      const { hk, ae, ir, servo } = path;
      const before = await t.ds.query(`SELECT count(*)::int AS n FROM route`);
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ note: NOTE }, 'shipmentIds', /shipmentIds or partyIds/],
        [{ partyIds: [hk, ir], shipmentIds: [hk], note: NOTE }, 'shipmentIds', /not both/],
        [{ partyIds: [hk, ir], note: NOTE }, 'componentId', /componentId or hsCode/],
        [
          { partyIds: [hk, ir], componentId: servo, hsCode: '854231', note: NOTE },
          'componentId',
          /not both/,
        ],
        [{ partyIds: [hk, ae], componentId: servo, note: NOTE }, 'partyIds[1]', /destination/],
        [{ partyIds: [ir], componentId: servo, note: NOTE }, 'partyIds', /at least 2/],
        [{ partyIds: [hk, hk, ir], componentId: servo, note: NOTE }, 'partyIds', /unique/],
        [{ partyIds: [hk, de, ir], componentId: servo, note: NOTE }, 'partyIds[1]', /coalition/],
        [{ partyIds: [hk, ir, ae, ir], componentId: servo, note: NOTE }, 'partyIds', /unique/],
        [{ partyIds: [hk, 'not-a-uuid', ir], componentId: servo, note: NOTE }, 'partyIds', /id/i],
        [{ partyIds: [hk, ir], componentId: servo, note: '   ' }, 'note', /note/],
        [{ partyIds: [hk, ir], componentId: servo, note: 'x'.repeat(4001) }, 'note', /note/],
        [
          { partyIds: [hk, ir], componentId: servo, note: NOTE, originCountry: 'CN' },
          'originCountry',
          /coalition country/,
        ],
        [
          { partyIds: [hk, ir], componentId: servo, note: NOTE, originCountry: 'XX' },
          'originCountry',
          /XX/,
        ],
        [
          {
            partyIds: [hk, ir],
            componentId: servo,
            note: NOTE,
            firstShippedOn: '2023-05-01',
            lastShippedOn: '2023-01-01',
          },
          'lastShippedOn',
          /after/,
        ],
        [
          { partyIds: [hk, ir], componentId: servo, note: NOTE, firstShippedOn: '2999-01-01' },
          'firstShippedOn',
          /future/,
        ],
        [
          { partyIds: [hk, ir], componentId: servo, note: NOTE, valueUsd: -1 },
          'valueUsd',
          /valueUsd/,
        ],
        [{ partyIds: [hk, ir], hsCode: '990000', note: NOTE }, 'hsCode', /HS code/],
        [
          {
            partyIds: [hk, '00000000-0000-4000-8000-000000000000', ir],
            componentId: servo,
            note: NOTE,
          },
          'partyIds[1]',
          /./,
        ],
      ];
      for (const [input, field, why] of cases) {
        const e = await errorOf(input);
        expect({ input, code: e.code }).toEqual({ input, code: 'BAD_USER_INPUT' });
        const problem = e.fields.find((f) => f.field === field);
        expect({ input, problem: problem?.messages.join(' ') }).toEqual({
          input,
          problem: expect.stringMatching(why),
        });
      }
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM route`)).toEqual(before);
    });

    it('six parties are too many: three intermediaries at most', async () => {
      const g = new TradeGraph(t);
      const hops = await Promise.all(['HK', 'AE', 'TR', 'KZ'].map((c) => g.org(`Hop ${c}`, c)));
      const e = await errorOf({
        partyIds: [path.maker, ...hops, path.ir],
        componentId: path.servo,
        note: NOTE,
      });
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.fields[0].field).toBe('partyIds');
    });

    it('is for INVESTIGATOR and up', async () => {
      const input = { partyIds: [path.ae, path.ir], componentId: path.servo, note: NOTE };
      for (const as of [Role.ANALYST, Role.COMPLIANCE]) {
        expect((await errorOf(input, as)).code).toBe('FORBIDDEN');
      }
      expect((await flag(input, Role.ADMIN)).errors).toBeUndefined();
    });
  });

  describe('duplicates', () => {
    it('the same party path and goods again is CONFLICT naming the route, however given', async () => {
      const g = new TradeGraph(t);
      const maker = await g.org('Twice Maker', 'JP', { roles: ['MANUFACTURER'] });
      const tr = await g.org('Twice Dis Ticaret', 'TR');
      const ru = await g.org('OOO Twice', 'RU');
      const part = await g.part(maker, 'TWICE-1');
      const first = await flagged({ partyIds: [maker, tr, ru], componentId: part, note: 'Report' });

      const again = await errorOf({ partyIds: [maker, tr, ru], componentId: part, note: 'Other' });
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toContain(first.id);
      const res = await flag({ partyIds: [maker, tr, ru], componentId: part, note: 'Other' });
      expect(res.errors?.[0].extensions.existingId).toBe(first.id);

      // Over shipments making the same path with the same part: the same route.
      const a = await g.ship(maker, tr, { on: '2023-04-01', part });
      const b = await g.ship(tr, ru, { on: '2023-04-15', part });
      const viaShipments = await flag({ shipmentIds: [a, b], note: 'Invoices' });
      expect(viaShipments.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        existingId: first.id,
      });

      // Other goods on the same path are another route.
      expect((await flag({ partyIds: [maker, tr, ru], hsCode: '854231', note: 'x' })).errors).toBe(
        undefined,
      );
    });

    it('two investigators flagging the same route at once: one route, the other CONFLICT', async () => {
      const g = new TradeGraph(t);
      const hk = await g.org('Race Ltd', 'HK');
      const ru = await g.org('OOO Race', 'RU');
      const input = { partyIds: [hk, ru], hsCode: '854231', note: 'Race' };
      const results = await Promise.all([flag(input), flag(input), flag(input)]);
      const ok = results.filter((r) => !r.errors);
      const conflicts = results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT');
      expect([ok.length, conflicts.length]).toEqual([1, 2]);
      expect(await g.routes()).toHaveLength(1);
    });
  });

  describe('review, evidence, and detection afterwards', () => {
    it('is reviewed like any route; detection that finds it adds its legs and keeps source and review', async () => {
      const g = new TradeGraph(t);
      const maker = await g.org('Merge Maker Inc', 'US', { roles: ['MANUFACTURER'] });
      const hk = await g.org('Merge Harbour Ltd', 'HK');
      const ru = await g.org('OOO Merge', 'RU');
      const part = await g.part(maker, 'MERGE-1');
      const r = await flagged({
        partyIds: [maker, hk, ru],
        componentId: part,
        note: 'FinCEN alert',
        valueUsd: 1000,
      });

      const reviewed = await t.gql(
        REVIEW,
        { input: { id: r.id, status: 'CONFIRMED', note: 'Matches the alert', expectedVersion: 1 } },
        { as: Role.COMPLIANCE },
      );
      expect(reviewed.data.reviewRoute).toEqual({
        status: 'CONFIRMED',
        reviewNote: 'Matches the alert',
        version: 2,
      });

      // Evidence links to it like to any subject.
      const added = await t.gql(
        `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`,
        {
          input: {
            title: 'FinCEN alert',
            kind: 'DOCUMENT',
            sourceType: 'GOVERNMENT',
            sourceReliability: 'A',
            informationCredibility: 2,
          },
        },
        { as: Role.INVESTIGATOR },
      );
      expect(added.errors).toBeUndefined();
      const link = await t.gql(
        `mutation($input: LinkEvidenceInput!) { linkEvidence(input: $input) { subjectId } }`,
        {
          input: {
            evidenceId: added.data.addEvidence.id,
            subjectType: 'ROUTE',
            subjectId: r.id,
          },
        },
        { as: Role.INVESTIGATOR },
      );
      expect(link.data.linkEvidence).toEqual({ subjectId: r.id });

      // The trade data later shows the same path: detection merges into the flagged route.
      const s1 = await g.ship(maker, hk, { on: '2023-06-01', part, value: 3000 });
      const s2 = await g.ship(hk, ru, { on: '2023-06-20', part, value: 3500 });
      const routes = await g.detect();
      expect(routes).toHaveLength(1);
      const read = (await t.gql(ROUTE, { id: r.id }, { as: Role.INVESTIGATOR })).data.reExportRoute;
      expect(read).toMatchObject({
        id: r.id,
        source: 'MANUAL',
        note: 'FinCEN alert',
        status: 'CONFIRMED',
        reviewNote: 'Matches the alert',
        firstShippedOn: '2023-06-01',
        lastShippedOn: '2023-06-20',
        valueUsd: 3500,
        legs: [
          { position: 0, shipment: { id: s1 } },
          { position: 1, shipment: { id: s2 } },
        ],
        evidence: [{ title: 'FinCEN alert' }],
      });
    });

    it('detection that finds a route flagged from shipments keeps the legs it was given', async () => {
      const g = new TradeGraph(t);
      const maker = await g.org('Keep Maker Inc', 'US', { roles: ['MANUFACTURER'] });
      const hk = await g.org('Keep Harbour Ltd', 'HK');
      const ru = await g.org('OOO Keep', 'RU');
      const part = await g.part(maker, 'KEEP-1');
      const s1 = await g.ship(maker, hk, { on: '2023-06-01', part });
      const s2 = await g.ship(hk, ru, { on: '2023-06-20', part });
      // Shipped before the goods reached Hong Kong: no detected route chains it, the leak does.
      const early = await g.ship(hk, ru, { on: '2023-05-01', part });
      const r = await flagged({ shipmentIds: [s1, early, s2], note: 'Leaked ledger' });
      const routes = await g.detect();
      // The early shipment alone is a route of its own too (a part of US make into Russia).
      expect(routes.map((x) => [x.id === r.id, x.names.join(' > ')])).toEqual([
        [false, 'Keep Harbour Ltd > OOO Keep'],
        [true, 'Keep Maker Inc > Keep Harbour Ltd > OOO Keep'],
      ]);
      expect(routes[1].legs).toEqual(
        [
          { position: 0, shipmentId: s1 },
          { position: 1, shipmentId: s2 },
          { position: 1, shipmentId: early },
        ].sort((a, b) => a.position - b.position || a.shipmentId.localeCompare(b.shipmentId)),
      );
      // Its dates and value are those of all its legs: the two into Russia, 1,000 USD each.
      expect(routes[1]).toMatchObject({
        firstShippedOn: '2023-05-01',
        lastShippedOn: '2023-06-20',
        valueUsd: 2000,
      });
    });

    it('a flagged route the trade data does not show is scored again when the facts change', async () => {
      const g = new TradeGraph(t);
      const ae = await g.org('Later Listed FZE', 'AE');
      const ir = await g.org('Later Co', 'IR');
      const r = await flagged({ partyIds: [ae, ir], hsCode: '854231', note: 'Leak' });
      expect(codes(r)).not.toContain('SANCTIONED_PARTY');
      await g.listed(ae, 'EU', 'RUSSIA', '2024-02-23');
      const [route] = await g.detect();
      expect(route.id).toBe(r.id);
      expect(route.flags.map((f) => f.code)).toContain('SANCTIONED_PARTY');
      expect(route.score).toBe(r.score + 30);
      expect(route.version).toBe(2);
      // Nothing changed since: a run leaves it as it is.
      expect((await g.detect())[0].version).toBe(2);
    });
  });

  describe('found where routes are read', () => {
    let route: { id: string };
    let ids: { hk: string; ae: string; ir: string; servo: string };
    beforeAll(async () => {
      const g = new TradeGraph(t);
      const c = await designationCase(g);
      ids = c;
      route = await flagged({
        partyIds: [c.hk, c.ae, c.ir],
        componentId: c.servo,
        originCountry: 'US',
        firstShippedOn: '2023-01-15',
        valueUsd: 80000,
        note: NOTE,
      });
    });

    it('reExportRoutes, by source and by organization', async () => {
      const res = await t.gql(
        `query($f: RouteFilter) { reExportRoutes(filter: $f, first: 100) { edges { node { id source } } } }`,
        { f: { source: 'MANUAL', organizationId: ids.ae } },
      );
      expect(res.data.reExportRoutes.edges).toEqual([{ node: { id: route.id, source: 'MANUAL' } }]);
    });

    it('organization.routes and component.routes', async () => {
      const res = await t.gql(
        `query($o: ID!, $c: ID!) {
          organization(id: $o) { routes(role: INTERMEDIARY) { edges { node { id } } } }
          component(id: $c) { routes { edges { node { id } } } } }`,
        { o: ids.hk, c: ids.servo },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.organization.routes.edges).toEqual([{ node: { id: route.id } }]);
      expect(res.data.component.routes.edges).toEqual([{ node: { id: route.id } }]);
    });

    it('traceComponent', async () => {
      const res = await t.gql(
        `query($c: ID!) { traceComponent(componentId: $c) { routes { byHsCode route { id source } } } }`,
        { c: ids.servo },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.traceComponent.routes).toEqual([
        { byHsCode: false, route: { id: route.id, source: 'MANUAL' } },
      ]);
    });

    it('reExporters and reExportProfile count it for both intermediaries', async () => {
      const res = await t.gql(
        `query($hk: ID!) {
          reExporters(filter: { country: "HK" }, first: 100) {
            edges { node { organization { id } routeCount valueUsd firstSeen lastSeen destinations } } }
          organization(id: $hk) { reExportProfile { routeCount highestScore } } }`,
        { hk: ids.hk },
      );
      expect(res.errors).toBeUndefined();
      const entry = res.data.reExporters.edges.find(
        (e: { node: { organization: { id: string } } }) => e.node.organization.id === ids.hk,
      );
      expect(entry.node).toEqual({
        organization: { id: ids.hk },
        routeCount: 1,
        valueUsd: 80000,
        firstSeen: '2023-01-15',
        lastSeen: '2023-01-15',
        destinations: ['IR'],
      });
      expect(res.data.organization.reExportProfile.routeCount).toBe(1);
    });
  });
});

/** The README's walk-through, run as written on the demo data: flag from a designation, then rank. */
describe("the README's flagging walk-through (e2e)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const walkThrough = () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('**A route from a published designation');
    const section = readme.slice(start, readme.indexOf('\n**', start + 10));
    return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  };

  it('an investigator flags the route; an analyst finds both intermediaries among the re-exporters', async () => {
    const [create, flag, rank] = walkThrough();
    const created = await t.gql(create, {}, { as: Role.INVESTIGATOR });
    expect(created.errors).toBeUndefined();
    const [{ id: servo }] = await t.ds.query(
      `SELECT id FROM component WHERE part_number = 'HS-1005SGT'`,
    );
    const filled = flag
      .replace(/<(hk|ae|ir)>/g, (_m, k: 'hk' | 'ae' | 'ir') => created.data[k].id)
      .replace("<the HS-1005SGT's id>", servo);
    const flagged = await t.gql(filled, {}, { as: Role.INVESTIGATOR });
    expect(flagged.errors).toBeUndefined();
    expect(flagged.data.flagRoute).toMatchObject({ source: 'MANUAL', score: 85 });
    expect(flagged.data.flagRoute.redFlags.map((f: Flag) => f.code).sort()).toEqual([
      'DESTINATION_OF_CONCERN',
      'FOUND_IN_WEAPON',
      'SANCTIONED_PARTY',
      'TRANSSHIPMENT_HUB',
    ]);

    const ranked = await t.gql(rank, {}, { as: Role.ANALYST });
    expect(ranked.errors).toBeUndefined();
    type Entry = {
      organization: { name: string; routes: { edges: { node: { source: string } }[] } };
    };
    const entries: Entry[] = ranked.data.reExporters.edges.map((e: { node: Entry }) => e.node);
    const sources = (e: Entry) => e.organization.routes.edges.map((r) => r.node.source);
    const manual = entries.filter((e) => sources(e).includes('MANUAL'));
    expect(manual.map((e) => e.organization.name).sort()).toEqual([
      'Example Gulf Components FZE',
      'Example Servo Trading Limited',
    ]);
    expect(entries.some((e) => sources(e).includes('DETECTED'))).toBe(true);
  });
});
