import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const TRACE = `query($partNumber: String, $componentId: ID) {
  traceComponent(partNumber: $partNumber, componentId: $componentId) {
    component { partNumber }
    manufacturer { name }
    lineage { name }
    findings {
      sampleRef marking dateCode recoveredOn verificationStatus
      weaponSystem { name }
      strikeReport { place }
      evidence { title grade status }
    }
    routes {
      byHsCode
      route { id score valueUsd firstShippedOn lastShippedOn intermediaries { name } destination { name } }
    }
    intermediaries { organization { name } country valueUsd routeCount }
    firstSeen
    lastSeen
  }
}`;

describe('traceComponent: the answer (e2e)', () => {
  let t: TestApp;
  let shahed136: string;
  beforeAll(async () => {
    t = await createTestApp();
    // Routes are inserted by hand below: none other (the demo's, if any) may stand in the answers.
    await t.ds.query('DELETE FROM route');
    [{ id: shahed136 }] = await t.ds.query(
      `SELECT id FROM weapon_system WHERE name = 'Shahed-136'`,
    );
  });
  afterAll(() => t.close());

  const trace = async (vars: Record<string, unknown>, role = Role.ANALYST) => {
    const res = await t.gql(TRACE, vars, { as: role });
    expect(res.errors).toBeUndefined();
    return res.data.traceComponent;
  };
  const insert = async (sql: string, params: unknown[]): Promise<string> =>
    (await t.ds.query<{ id: string }[]>(`${sql} RETURNING id`, params))[0].id;
  const org = (
    name: string,
    country: string,
    extra: { successor?: string; parent?: string } = {},
  ) =>
    insert(
      `INSERT INTO organization (name, normalized_name, country, successor_id, parent_id)
       VALUES ($1, lower($1), $2, $3, $4)`,
      [name, country, extra.successor ?? null, extra.parent ?? null],
    );
  const component = (maker: string, partNumber: string, hsCode: string | null = '854231') =>
    insert(
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number, hs_code)
       VALUES ($1, $2::text, upper(regexp_replace($2::text, '[^A-Za-z0-9]', '', 'g')), $3)`,
      [maker, partNumber, hsCode],
    );
  let records = 0;
  const shipment = (
    exporter: string,
    importer: string,
    shippedOn: string,
    valueUsd: number,
    goods: { component?: string; hsCode?: string } = {},
  ) =>
    insert(
      `INSERT INTO shipment (exporter_id, importer_id, shipped_on, value_usd, component_id, hs_code,
                             source, source_record_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'trace-test', $7)`,
      [
        exporter,
        importer,
        shippedOn,
        valueUsd,
        goods.component ?? null,
        goods.hsCode ?? '854231',
        `r${++records}`,
      ],
    );
  async function route(r: {
    path: string[];
    hasOriginParty: boolean;
    component: string | null;
    hsCode?: string;
    first: string;
    last: string;
    valueUsd: number;
    score: number;
    legs: string[];
  }): Promise<string> {
    const id = await insert(
      `INSERT INTO route (identity_hash, party_path, has_origin_party, component_id, hs_code,
                          first_shipped_on, last_shipped_on, value_usd, score, source)
       VALUES (route_identity($1::uuid[], $2::uuid, $3::char(6)), $1, $4, $2, $3, $5, $6, $7, $8,
               'DETECTED')`,
      [
        r.path,
        r.component,
        r.hsCode ?? '854231',
        r.hasOriginParty,
        r.first,
        r.last,
        r.valueUsd,
        r.score,
      ],
    );
    for (const [position, leg] of r.legs.entries()) {
      await t.ds.query(
        'INSERT INTO route_leg (route_id, shipment_id, position) VALUES ($1, $2, $3)',
        [id, leg, position],
      );
    }
    return id;
  }
  const finding = (
    componentId: string,
    f: { recoveredOn?: string; status?: string; strike?: string; sampleRef?: string } = {},
  ) =>
    insert(
      `INSERT INTO component_finding (component_id, weapon_system_id, strike_report_id, sample_ref,
                                      recovered_on, verification_status)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        componentId,
        shahed136,
        f.strike ?? null,
        f.sampleRef ?? null,
        f.recoveredOn ?? null,
        f.status ?? 'REPORTED',
      ],
    );
  const evidence = async (findingId: string, title: string, status: string, grade = 'B2') => {
    const id = await insert(
      `INSERT INTO evidence (title, status, source_reliability, information_credibility)
       VALUES ($1, $2, $3, $4)`,
      [title, status, grade[0], Number(grade[1])],
    );
    await t.ds.query(
      `INSERT INTO evidence_link (evidence_id, subject_type, subject_id) VALUES ($1, 'FINDING', $2)`,
      [id, findingId],
    );
  };
  const strike = (place: string) =>
    insert(
      `INSERT INTO strike_report (occurred_at, place, weapon_system_id) VALUES (now(), $1, $2)`,
      [place, shahed136],
    );

  describe('maker and lineage', () => {
    it('gives a National Semiconductor part its owner today, Texas Instruments', async () => {
      const answer = await trace({ partNumber: 'LM5117 PMH' });
      expect(answer.manufacturer).toEqual({ name: 'National Semiconductor' });
      expect(answer.lineage).toEqual([
        { name: 'National Semiconductor' },
        { name: 'Texas Instruments' },
      ]);
    });

    it('follows a subsidiary to its parent (Altera, Intel), and stops at an owner of its own', async () => {
      expect((await trace({ partNumber: '5CEFA7F23I7N' })).lineage).toEqual([
        { name: 'Altera' },
        { name: 'Intel' },
      ]);
      expect((await trace({ partNumber: 'TMS320F28335PGFA' })).lineage).toEqual([
        { name: 'Texas Instruments' },
      ]);
    });

    it('goes up through successors before parents, and ends where the chain comes round', async () => {
      // Maker → (successor) Owner → (successor) Holding → (parent) Group; each but the group also
      // has a parent the chain must not take, and the group names the maker as its successor: a
      // cycle in the data.
      const group = await org('Lineage Group', 'US');
      const holding = await org('Lineage Holding', 'US', { parent: group });
      const owner = await org('Lineage Owner', 'US', {
        successor: holding,
        parent: await org('Lineage Owner Parent', 'US'),
      });
      const maker = await org('Lineage Maker', 'US', {
        successor: owner,
        parent: await org('Lineage Old Parent', 'US'),
      });
      await t.ds.query('UPDATE organization SET successor_id = $1 WHERE id = $2', [maker, group]);
      await component(maker, 'LINEAGE-1');
      expect((await trace({ partNumber: 'LINEAGE-1' })).lineage).toEqual([
        { name: 'Lineage Maker' },
        { name: 'Lineage Owner' },
        { name: 'Lineage Holding' },
        { name: 'Lineage Group' },
      ]);
    });
  });

  describe('findings', () => {
    it('gives every finding with its weapon, strike, sample, marking, date code and graded evidence', async () => {
      const answer = await trace({ partNumber: 'TMS320 F28335PGFA' });
      expect(answer.findings).toHaveLength(3);
      expect(answer.findings.map((f: { sampleRef: string }) => f.sampleRef).sort()).toEqual([
        'geran2-1276',
        'shahed136-157-components',
        'shahed136-214',
      ]);
      for (const f of answer.findings) {
        expect(f.weaponSystem).toEqual({ name: 'Shahed-136' });
        expect(f.verificationStatus).toBe('VERIFIED');
        expect(f.marking).toMatch(/^TMS320 ?F28335PGFA/);
        expect(f.evidence).toEqual([
          {
            title: expect.stringContaining('GUR War & Sanctions'),
            grade: 'B2',
            status: 'PUBLISHED',
          },
        ]);
      }
    });

    it('shows unpublished evidence to investigators only, as everywhere else', async () => {
      const maker = await org('Evidence Maker', 'US');
      const part = await component(maker, 'EVID-1');
      const place = 'Odesa port';
      const found = await finding(part, {
        recoveredOn: '2024-03-02',
        strike: await strike(place),
        sampleRef: 'lab-17',
      });
      await t.ds.query('UPDATE component_finding SET marking = $1, date_code = $2 WHERE id = $3', [
        'EVID-1 2309',
        '2309',
        found,
      ]);
      await evidence(found, 'Published report', 'PUBLISHED', 'A1');
      await evidence(found, 'Draft lab notes', 'DRAFT', 'C3');
      await evidence(found, 'Reviewed photo set', 'REVIEWED', 'B2');
      const finding1 = {
        sampleRef: 'lab-17',
        marking: 'EVID-1 2309',
        dateCode: '2309',
        recoveredOn: '2024-03-02',
        verificationStatus: 'REPORTED',
        weaponSystem: { name: 'Shahed-136' },
        strikeReport: { place },
      };
      expect((await trace({ componentId: part })).findings).toEqual([
        {
          ...finding1,
          evidence: [{ title: 'Published report', grade: 'A1', status: 'PUBLISHED' }],
        },
      ]);
      const seen = (await trace({ componentId: part }, Role.INVESTIGATOR)).findings[0].evidence;
      expect(seen.map((e: { title: string }) => e.title).sort()).toEqual([
        'Draft lab notes',
        'Published report',
        'Reviewed photo set',
      ]);
    });

    it('lists the latest recovered first, findings without a date last', async () => {
      const maker = await org('Order Maker', 'US');
      const part = await component(maker, 'ORDER-1');
      await finding(part, { sampleRef: 'no date' });
      await finding(part, { sampleRef: 'old', recoveredOn: '2023-01-05' });
      await finding(part, { sampleRef: 'new', recoveredOn: '2024-07-30' });
      const { findings } = await trace({ componentId: part });
      expect(findings.map((f: { sampleRef: string }) => f.sampleRef)).toEqual([
        'new',
        'old',
        'no date',
      ]);
    });
  });

  describe('routes, intermediaries, first and last seen', () => {
    /**
     * Part X of maker M (US), HS 854231. Intermediaries A (KZ), B (AE), C (TR); destinations D, E (RU).
     *   r1 M→A→D   (X)  legs s1 M→A 1000, s2 A→D 900                 score 80
     *   r2 A→B→E   (X)  legs s3 A→B 500, s4 B→E 450   (no origin party) score 60
     *   r3 M→C→D   (X)  legs s5 M→C 2000, s6 C→D 1800                score 90
     *   r4 B→D     (HS 854231, no part) leg s7 B→D 300                score 95
     *   r5 M→A→B→E (X)  legs s1, s8 A→B 700, s9 B→E 650               score 40, value 650
     *   r6 A→D     (X)  leg s2 (shared with r1)                       score 40, value 900
     * and routes that are not X's: r7 of part Y, r8 of another HS code.
     * A shipped s2, s3, s8 = 2,100 on 4 routes (s2 once, though a leg of r1 and r6); C s6 = 1,800
     * on 1; B s4, s7, s9 = 1,400 on 3. M is an origin party, D and E destinations: none stands.
     */
    let ids: Record<string, string>;
    beforeAll(async () => {
      const m = await org('Route Maker', 'US');
      const a = await org('Steppe Trading', 'KZ');
      const b = await org('Gulf Components', 'AE');
      const c = await org('Bosporus Elektronik', 'TR');
      const d = await org('OOO Vektor Test', 'RU');
      const e = await org('OOO Polyus Test', 'RU');
      const x = await component(m, 'ROUTE-X');
      const y = await component(m, 'ROUTE-Y');
      const goods = { component: x };
      const s1 = await shipment(m, a, '2022-11-03', 1000, goods);
      const s2 = await shipment(a, d, '2022-12-01', 900, goods);
      const s3 = await shipment(a, b, '2023-02-01', 500, goods);
      const s4 = await shipment(b, e, '2023-03-01', 450, goods);
      const s5 = await shipment(m, c, '2023-01-10', 2000, goods);
      const s6 = await shipment(c, d, '2024-03-15', 1800, goods);
      const s7 = await shipment(b, d, '2021-06-01', 300);
      const s8 = await shipment(a, b, '2022-12-10', 700, goods);
      const s9 = await shipment(b, e, '2023-01-02', 650, goods);
      const sy = await shipment(a, d, '2020-01-01', 99999, { component: y });
      const so = await shipment(c, e, '2020-01-01', 88888, { hsCode: '852691' });
      const dated = (first: string, last: string) => ({ first, last });
      ids = {
        a,
        b,
        c,
        r1: await route({
          path: [m, a, d],
          hasOriginParty: true,
          component: x,
          ...dated('2022-11-03', '2022-12-01'),
          valueUsd: 900,
          score: 80,
          legs: [s1, s2],
        }),
        r2: await route({
          path: [a, b, e],
          hasOriginParty: false,
          component: x,
          ...dated('2023-02-01', '2023-03-01'),
          valueUsd: 450,
          score: 60,
          legs: [s3, s4],
        }),
        r3: await route({
          path: [m, c, d],
          hasOriginParty: true,
          component: x,
          ...dated('2023-01-10', '2024-03-15'),
          valueUsd: 1800,
          score: 90,
          legs: [s5, s6],
        }),
        r4: await route({
          path: [b, d],
          hasOriginParty: false,
          component: null,
          ...dated('2021-06-01', '2025-01-01'),
          valueUsd: 300,
          score: 95,
          legs: [s7],
        }),
        r5: await route({
          path: [m, a, b, e],
          hasOriginParty: true,
          component: x,
          ...dated('2022-11-03', '2023-01-02'),
          valueUsd: 650,
          score: 40,
          legs: [s1, s8, s9],
        }),
        r6: await route({
          path: [a, d],
          hasOriginParty: false,
          component: x,
          ...dated('2022-12-01', '2022-12-01'),
          valueUsd: 900,
          score: 40,
          legs: [s2],
        }),
        r7: await route({
          path: [a, d],
          hasOriginParty: false,
          component: y,
          ...dated('2020-01-01', '2020-01-01'),
          valueUsd: 99999,
          score: 99,
          legs: [sy],
        }),
        r8: await route({
          path: [c, e],
          hasOriginParty: false,
          component: null,
          hsCode: '852691',
          ...dated('2020-01-01', '2020-01-01'),
          valueUsd: 88888,
          score: 99,
          legs: [so],
        }),
      };
      await finding(x, { recoveredOn: '2023-05-01' });
      await finding(x, { recoveredOn: '2024-02-10' });
      await finding(x, { recoveredOn: '2021-01-01', status: 'RETRACTED' });
      await finding(x);
    });

    it("gives the part's routes by score then value, then those of its HS code, marked", async () => {
      const { routes } = await trace({ partNumber: 'ROUTE-X' });
      expect(
        routes.map((r: { byHsCode: boolean; route: { id: string } }) => [r.route.id, r.byHsCode]),
      ).toEqual([
        [ids.r3, false],
        [ids.r1, false],
        [ids.r2, false],
        [ids.r6, false],
        [ids.r5, false],
        [ids.r4, true],
      ]);
      expect(routes[0].route).toEqual({
        id: ids.r3,
        score: 90,
        valueUsd: 1800,
        firstShippedOn: '2023-01-10',
        lastShippedOn: '2024-03-15',
        intermediaries: [{ name: 'Bosporus Elektronik' }],
        destination: { name: 'OOO Vektor Test' },
      });
    });

    it('ranks the intermediaries by the value of the legs they shipped', async () => {
      const { intermediaries } = await trace({ partNumber: 'ROUTE-X' });
      expect(intermediaries).toEqual([
        {
          organization: { name: 'Steppe Trading' },
          country: 'KZ',
          valueUsd: 2100,
          routeCount: 4,
        },
        {
          organization: { name: 'Bosporus Elektronik' },
          country: 'TR',
          valueUsd: 1800,
          routeCount: 1,
        },
        {
          organization: { name: 'Gulf Components' },
          country: 'AE',
          valueUsd: 1400,
          routeCount: 3,
        },
      ]);
    });

    it("dates the part by its findings' recoveries and its own routes' shipments", async () => {
      // Not by the retracted finding (2021-01-01), nor by the route by HS code (2021 to 2025).
      const answer = await trace({ partNumber: 'ROUTE-X' });
      expect([answer.firstSeen, answer.lastSeen]).toEqual(['2022-11-03', '2024-03-15']);
      expect(answer.findings.map((f: { recoveredOn: string }) => f.recoveredOn)).toEqual([
        '2024-02-10',
        '2023-05-01',
        '2021-01-01',
        null,
      ]);
    });

    it("leaves out other parts' routes, and has nothing for a part never shipped nor dated", async () => {
      const answer = await trace({ partNumber: 'ROUTE-Y' });
      expect(
        answer.routes.map((r: { byHsCode: boolean; route: { id: string } }) => [
          r.route.id,
          r.byHsCode,
        ]),
      ).toEqual([
        [ids.r7, false],
        [ids.r4, true],
      ]);
      const lone = await component(await org('Lone Maker', 'JP'), 'LONE-1', null);
      const none = await trace({ componentId: lone });
      expect([
        none.routes,
        none.intermediaries,
        none.findings,
        none.firstSeen,
        none.lastSeen,
      ]).toEqual([[], [], [], null, null]);
    });
  });
});
