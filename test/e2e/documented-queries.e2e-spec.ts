import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/common/project-root.js';
import { createTestApp, type TestApp } from './test-app.js';

/** The queries (not mutations) of a document, as a user would paste them. */
const queriesOf = (file: string) =>
  [...readFileSync(path.join(projectRoot, file), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((q) => !q.trimStart().startsWith('mutation'));
/** docs/queries.md's examples first (tested below by their position), then the README's tour. */
const examples = queriesOf('docs/queries.md');
const tour = queriesOf('README.md');

/** Lengths of every list in a response (connections' edges and plain lists). */
const lists = (value: unknown): number[] =>
  Array.isArray(value)
    ? [value.length, ...value.flatMap(lists)]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(lists)
      : [];

describe('documented example queries (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(tour.length).toBeGreaterThanOrEqual(3);
  });

  /** The ids the examples take as variables, looked up as docs/queries.md says. */
  const variables = async () => {
    const [{ ti }] = await t.ds.query(
      `SELECT id AS ti FROM organization WHERE name = 'Texas Instruments'`,
    );
    const [{ geran2 }] = await t.ds.query(
      `SELECT id AS geran2 FROM weapon_system WHERE 'Geran-2' = ANY(designations)`,
    );
    return { ti, geran2 };
  };

  it.each([
    ...examples.map((q, i) => [`docs/queries.md example ${i + 1}`, q]),
    ...tour.map((q, i) => [`README tour query ${i + 1}`, q]),
  ])('%s runs as an analyst and finds something', async (_i, query) => {
    const res = await t.gql(query, query.includes('$') ? await variables() : {});
    expect(res.errors).toBeUndefined();
    expect(Math.max(...lists(res.data))).toBeGreaterThan(0);
  });

  it('finds the TI parts in Shahed-136 airframes and the transshipment exporters to Russia', async () => {
    const ti = (await t.gql(examples[1], await variables())).data.components.edges.map(
      (e: any) => e.node,
    );
    expect(ti.map((c: any) => c.partNumber)).toEqual(
      expect.arrayContaining(['TMS320F28335PGFA', 'LM5176']),
    );
    expect(ti.every((c: any) => c.findings.totalCount > 0)).toBe(true);
    const hubs = (await t.gql(examples[3])).data.organizations.edges.map((e: any) => e.node);
    expect(hubs.length).toBeGreaterThan(0);
    const [{ codes }] = await t.ds.query(
      `SELECT array_agg(code) AS codes FROM country WHERE risk_group = 'TRANSSHIPMENT'`,
    );
    for (const org of hubs) expect(codes).toContain(org.country);
    const out = hubs.flatMap((o: any) =>
      o.shipmentsOut.edges.map((e: any) => e.node.importCountry),
    );
    expect(out).toContain('RU');
  });
});
