import { withClient } from '../../src/database/admin.js';
import {
  COMPONENTS_BY_PART_NUMBERS,
  FINDINGS_OF_COMPONENT,
  INTERMEDIARIES_OF_COMPONENT,
  NEAREST_PARTS,
  OWNERSHIP_CHAIN,
  ROUTES_OF_COMPONENT,
} from '../../src/trace/trace.sql.js';
import { partCandidates } from '../../src/trace/part-candidates.js';
import { createTestApp, type TestApp } from './test-app.js';

const TRACE = `query($partNumber: String) {
  traceComponent(partNumber: $partNumber) {
    matchedBy
    component { partNumber chplTier manufacturer { name } }
    manufacturer { name country }
    lineage { name }
    findings {
      sampleRef marking dateCode recoveredOn verificationStatus
      weaponSystem { name }
      strikeReport { place }
      evidence { title grade }
    }
    routes {
      byHsCode
      route { id score valueUsd intermediaries { name } destination { name } legs { position shipment { valueUsd } } }
    }
    intermediaries { organization { name } country valueUsd routeCount }
    firstSeen
    lastSeen
  }
}`;

/** A node of `EXPLAIN (FORMAT JSON)`. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
/** Tables a plan reads whole. */
const seqScans = (plan: PlanNode): string[] => [
  ...(plan['Node Type'] === 'Seq Scan' ? [plan['Relation Name'] ?? '?'] : []),
  ...(plan.Plans ?? []).flatMap(seqScans),
];
/** Indexes a plan uses. */
const indexes = (plan: PlanNode): string[] => [
  ...(plan['Index Name'] ? [plan['Index Name']] : []),
  ...(plan.Plans ?? []).flatMap(indexes),
];

describe('traceComponent: statements (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.ds.query('DELETE FROM route');
    await part('Small', 1, 1);
    await part('Large', 30, 20);
  });
  afterAll(() => t.close());

  /**
   * A part of maker `prefix` with `findings` findings (each from its own strike, with published
   * evidence) and `routes` routes maker → intermediary → destination, each intermediary its own.
   */
  async function part(prefix: string, findings: number, routes: number): Promise<void> {
    await t.ds.query(
      `WITH maker AS (
         INSERT INTO organization (name, normalized_name, country) VALUES ($1, lower($1), 'US')
         RETURNING id
       ), dest AS (
         INSERT INTO organization (name, normalized_name, country)
         VALUES ($1 || ' buyer', lower($1) || ' buyer', 'RU') RETURNING id
       ), part AS (
         INSERT INTO component (manufacturer_id, part_number, normalized_part_number, hs_code)
         SELECT id, $1 || '-1', upper($1) || '1', '854231' FROM maker RETURNING id, manufacturer_id
       ), inter AS (
         INSERT INTO organization (name, normalized_name, country)
         SELECT $1 || ' trader ' || i, lower($1) || ' trader ' || i, 'KZ'
           FROM generate_series(1, $2::int) i RETURNING id
       ), numbered AS (
         SELECT id, row_number() OVER (ORDER BY id) AS i FROM inter
       ), legs AS (
         INSERT INTO shipment (exporter_id, importer_id, shipped_on, value_usd, component_id,
                               hs_code, source, source_record_id)
         SELECT CASE WHEN hop = 0 THEN part.manufacturer_id ELSE n.id END,
                CASE WHEN hop = 0 THEN n.id ELSE dest.id END,
                DATE '2023-01-01' + (n.i::int * 3 + hop), 1000 * n.i, part.id, '854231',
                $1, n.i || '-' || hop
           FROM numbered n, part, dest, generate_series(0, 1) hop
         RETURNING id, exporter_id, importer_id
       ), route_rows AS (
         INSERT INTO route (identity_hash, party_path, has_origin_party, component_id, hs_code,
                            first_shipped_on, last_shipped_on, value_usd, score, source)
         SELECT route_identity(ARRAY[part.manufacturer_id, n.id, dest.id], part.id, NULL),
                ARRAY[part.manufacturer_id, n.id, dest.id], true, part.id, '854231',
                DATE '2023-01-01', DATE '2023-02-01', 1000 * n.i, 50, 'DETECTED'
           FROM numbered n, part, dest
         RETURNING id, party_path
       )
       INSERT INTO route_leg (route_id, shipment_id, position)
       SELECT r.id, l.id, CASE WHEN l.exporter_id = r.party_path[1] THEN 0 ELSE 1 END
         FROM route_rows r JOIN legs l ON l.exporter_id = ANY(r.party_path) AND l.importer_id = ANY(r.party_path)`,
      [prefix, routes],
    );
    await t.ds.query(
      `WITH strikes AS (
         INSERT INTO strike_report (occurred_at, place, weapon_system_id)
         SELECT now(), $1 || ' strike ' || i, (SELECT id FROM weapon_system WHERE name = 'Shahed-136')
           FROM generate_series(1, $2::int) i RETURNING id, place
       ), found AS (
         INSERT INTO component_finding (component_id, weapon_system_id, strike_report_id, sample_ref,
                                        recovered_on)
         SELECT c.id, s_weapon.id, s.id, s.place, DATE '2023-03-01'
           FROM strikes s,
                (SELECT id FROM component WHERE normalized_part_number = upper($1) || '1') c,
                (SELECT id FROM weapon_system WHERE name = 'Shahed-136') s_weapon
         RETURNING id, sample_ref
       ), docs AS (
         INSERT INTO evidence (title, status, source_reliability, information_credibility)
         SELECT 'report on ' || sample_ref, 'PUBLISHED', 'B', 2 FROM found RETURNING id, title
       )
       INSERT INTO evidence_link (evidence_id, subject_type, subject_id)
       SELECT d.id, 'FINDING', f.id FROM docs d JOIN found f ON d.title = 'report on ' || f.sample_ref`,
      [prefix, findings],
    );
  }

  async function statementsOf(partNumber: string): Promise<string[]> {
    t.queries.reset();
    const res = await t.gql(TRACE, { partNumber });
    expect(res.errors).toBeUndefined();
    return [...t.queries.statements];
  }

  it('sends as many statements for 30 findings and 20 routes as for 1 and 1', async () => {
    await statementsOf('SMALL-1'); // the key is made and first used
    // Statements finish in any order: the count must not depend on it. Five of each.
    const counts = new Set<number>();
    let small: string[] = [];
    let large: string[] = [];
    for (let i = 0; i < 5; i++) {
      small = await statementsOf('SMALL-1');
      large = await statementsOf('LARGE-1');
      counts.add(small.length).add(large.length);
    }
    expect([...counts]).toEqual([small.length]);
    const answer = (await t.gql(TRACE, { partNumber: 'LARGE-1' })).data.traceComponent;
    expect([answer.findings.length, answer.routes.length, answer.intermediaries.length]).toEqual([
      30, 20, 20,
    ]);
    expect(answer.findings.every((f: { evidence: unknown[] }) => f.evidence.length === 1)).toBe(
      true,
    );
    expect(large).toHaveLength(small.length);
    expect(small.length).toBeLessThanOrEqual(14);
    // Each statement of the trace itself is sent once.
    for (const sql of [
      COMPONENTS_BY_PART_NUMBERS,
      OWNERSHIP_CHAIN,
      FINDINGS_OF_COMPONENT,
      ROUTES_OF_COMPONENT,
      INTERMEDIARIES_OF_COMPONENT,
    ]) {
      expect(large.filter((s) => s === sql)).toHaveLength(1);
    }
  });

  it('reads each part of the trace only when the query asks for it', async () => {
    t.queries.reset();
    const res = await t.gql(`{ traceComponent(partNumber: "LARGE-1") { matchedBy } }`);
    expect(res.data.traceComponent.matchedBy).toBe('PART_NUMBER');
    let sent = t.queries.statements;
    expect(sent.filter((s) => s === COMPONENTS_BY_PART_NUMBERS)).toHaveLength(1);
    for (const sql of [OWNERSHIP_CHAIN, FINDINGS_OF_COMPONENT, ROUTES_OF_COMPONENT]) {
      expect(sent).not.toContain(sql);
    }
    // Fields asked through a fragment count; fields skipped do not.
    t.queries.reset();
    const some = await t.gql(
      `query($skip: Boolean!, $with: Boolean!) {
        traceComponent(partNumber: "LARGE-1") {
          ...found
          routes @skip(if: $skip) { byHsCode }
          lineage @include(if: $with) { name }
        }
      }
      fragment found on ComponentTrace { findings { sampleRef } }`,
      { skip: true, with: false },
    );
    expect(some.errors).toBeUndefined();
    expect(some.data.traceComponent.findings).toHaveLength(30);
    sent = t.queries.statements;
    expect(sent.filter((s) => s === FINDINGS_OF_COMPONENT)).toHaveLength(1);
    for (const sql of [OWNERSHIP_CHAIN, ROUTES_OF_COMPONENT, INTERMEDIARIES_OF_COMPONENT]) {
      expect(sent).not.toContain(sql);
    }
  });

  it('serves every statement of a trace by an index on a large catalogue', async () => {
    await withClient(t.url, async (c) => {
      // 50,000 more parts and makers, over every HS code, with a finding, a shipment and a route
      // each. Below about
      // 25,000 parts the planner reads the whole component table for the trigram match (its cost
      // estimate of the seq scan is the lower; 20 ms against 2 ms by the index at 20,000).
      await c.query(`
        INSERT INTO organization (name, normalized_name, country)
        SELECT 'Bulk ' || i, 'bulk ' || i, 'CN' FROM generate_series(1, 50000) i`);
      await c.query(`
        INSERT INTO component (manufacturer_id, part_number, normalized_part_number, hs_code)
        SELECT o.id, 'BK' || upper(substr(md5(o.name), 1, 10)), 'BK' || upper(substr(md5(o.name), 1, 10)),
               codes[1 + (row_number() OVER () % cardinality(codes))::int]
          FROM organization o, (SELECT array_agg(code ORDER BY code) AS codes FROM hs_code) h
         WHERE o.name LIKE 'Bulk %'`);
      await c.query(`
        INSERT INTO component_finding (component_id, sample_ref)
        SELECT c.id, 'bulk' FROM component c WHERE c.part_number LIKE 'BK%'`);
      await c.query(`
        INSERT INTO shipment (exporter_id, importer_id, shipped_on, value_usd, component_id, hs_code,
                              source, source_record_id)
        SELECT c.manufacturer_id, c.manufacturer_id, DATE '2023-01-01', 10, c.id, c.hs_code, 'bulk',
               c.id
          FROM component c WHERE c.part_number LIKE 'BK%'`);
      await c.query(`
        INSERT INTO route (identity_hash, party_path, has_origin_party, component_id, hs_code,
                           value_usd, score, source)
        SELECT route_identity(ARRAY[c.manufacturer_id, c.manufacturer_id], g.component_id, c.hs_code),
               ARRAY[c.manufacturer_id, c.manufacturer_id], false, g.component_id, c.hs_code, 10, 10,
               'DETECTED'
          -- One route in three is by HS code only: its shipments name no part.
          FROM component c, LATERAL (SELECT CASE WHEN hashtext(c.id::text) % 3 = 0 THEN NULL
                                                  ELSE c.id END AS component_id) g
         WHERE c.part_number LIKE 'BK%'`);
      await c.query(`
        INSERT INTO route_leg (route_id, shipment_id, position)
        SELECT r.id, s.id, 0 FROM route r
          JOIN shipment s ON s.exporter_id = r.party_path[1] AND s.source = 'bulk'
        ON CONFLICT DO NOTHING`);
      await c.query('ANALYZE');

      const [large] = (
        await c.query(
          `SELECT id, manufacturer_id, hs_code FROM component WHERE normalized_part_number = 'LARGE1'`,
        )
      ).rows;
      const statements: [string, string, unknown[], string[]][] = [
        [
          'part by part numbers',
          COMPONENTS_BY_PART_NUMBERS,
          [partCandidates('LARGE-1 G4A-17CHCHW').map((p) => p.normalized)],
          ['idx_component_normalized_part_number_id'],
        ],
        [
          'nearest part numbers',
          NEAREST_PARTS,
          ['LARGE2', 'LARGE2'],
          ['idx_component_normalized_part_number_trgm'],
        ],
        ['ownership chain', OWNERSHIP_CHAIN, [large.manufacturer_id], ['pk_organization']],
        [
          'findings',
          FINDINGS_OF_COMPONENT,
          [large.id],
          ['idx_component_finding_component_id_created_at_id'],
        ],
        [
          'routes',
          ROUTES_OF_COMPONENT,
          [large.id, large.hs_code],
          ['idx_route_component_id', 'idx_route_hs_code'],
        ],
        [
          'intermediaries',
          INTERMEDIARIES_OF_COMPONENT,
          [large.id, large.hs_code],
          ['idx_route_component_id', 'idx_route_hs_code', 'uq_route_leg_route_id_shipment_id'],
        ],
      ];
      for (const [what, sql, params, expected] of statements) {
        const { rows } = await c.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
        const plan = (rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0].Plan;
        expect([what, seqScans(plan)]).toEqual([what, []]);
        expect([what, indexes(plan)]).toEqual([what, expect.arrayContaining(expected)]);
      }
    });
  });
});
