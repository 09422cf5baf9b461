import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const NODE = `id occurredAt place adminArea country latitude longitude munitionsCount killed injured summary synthetic version weaponSystem { name }`;
const PAGE = `query($first: Int, $after: String, $filter: StrikeReportFilter) {
  strikeReports(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${NODE} } }
  }
}`;
const ONE = `query($id: ID!, $first: Int, $after: String) {
  strikeReport(id: $id) {
    ${NODE}
    findings(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id marking component { partNumber } strikeReport { id } } }
    }
  }
}`;
const REPORT = `mutation($input: ReportStrikeInput!) { reportStrike(input: $input) { ${NODE} } }`;
const UPDATE = `mutation($input: UpdateStrikeReportInput!) { updateStrikeReport(input: $input) { ${NODE} } }`;
const RECORD = `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }`;
const as = { as: Role.INVESTIGATOR };

const base = {
  occurredAt: '2024-10-01T01:30:00.000Z',
  place: 'Zhytomyr',
  adminArea: 'Zhytomyr Oblast',
  country: 'UA',
  latitude: 50.2547,
  longitude: 28.6587,
  munitionsCount: 6,
  killed: 0,
  injured: 2,
  summary: 'Test report.',
};

describe('strike reports (e2e)', () => {
  let t: TestApp;
  let shahed136: string;
  let kab: string;
  beforeAll(async () => {
    t = await createTestApp();
    const weapons: { id: string; name: string }[] = await t.ds.query(
      'SELECT id, name FROM weapon_system',
    );
    shahed136 = weapons.find((w) => w.name === 'Shahed-136')!.id;
    kab = weapons.find((w) => w.name === 'KAB guided aerial bomb')!.id;
  });
  afterAll(() => t.close());

  const fieldsOf = (res: { errors?: { extensions: Record<string, unknown> }[] }) =>
    ((res.errors?.[0].extensions.fields ?? []) as { field: string }[]).map((f) => f.field);
  const strikeCount = async (): Promise<number> =>
    (await t.ds.query('SELECT count(*)::int AS n FROM strike_report'))[0].n;
  const report = async (input: Record<string, unknown> = {}) => {
    const res = await t.gql(
      REPORT,
      { input: { ...base, weaponSystemId: shahed136, ...input } },
      as,
    );
    expect(res.errors).toBeUndefined();
    return res.data.reportStrike;
  };
  const componentId = async (normalized: string): Promise<string> =>
    (
      await t.ds.query('SELECT id FROM component WHERE normalized_part_number = $1', [normalized])
    )[0].id;

  it('lists strike reports newest first and pages through them with no gaps or duplicates', async () => {
    const expected: string[] = (
      await t.ds.query('SELECT id FROM strike_report ORDER BY occurred_at DESC, id DESC')
    ).map((r: { id: string }) => r.id);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await t.gql(PAGE, { first: 3, after });
      expect(res.errors).toBeUndefined();
      expect(res.data.strikeReports.totalCount).toBe(expected.length);
      seen.push(...res.data.strikeReports.edges.map((e: any) => e.node.id));
      after = res.data.strikeReports.pageInfo.hasNextPage
        ? res.data.strikeReports.pageInfo.endCursor
        : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('answers the reported strikes of 28 September 2023 with their weapons and toll', async () => {
    const res = await t.gql(PAGE, { filter: { adminArea: 'Donetsk Oblast' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.strikeReports.totalCount).toBe(2);
    expect(res.data.strikeReports.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        occurredAt: '2023-09-28T10:00:00.000Z',
        place: 'Kostiantynivka',
        country: 'UA',
        latitude: 48.53,
        longitude: 37.71,
        killed: 0,
        injured: 3,
        synthetic: false,
        weaponSystem: { name: 'KAB guided aerial bomb' },
      }),
      expect.objectContaining({
        place: 'Krasnohorivka',
        killed: 2,
        weaponSystem: { name: '152 mm artillery' },
      }),
    ]);
  });

  it('filters by time (from inclusive, to exclusive)', async () => {
    const filter = { from: '2023-05-17T01:10:00Z', to: '2023-12-11T04:15:00Z' };
    const res = await t.gql(PAGE, { filter, first: 100 });
    expect(res.errors).toBeUndefined();
    const [{ n }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM strike_report WHERE occurred_at >= $1 AND occurred_at < $2',
      [filter.from, filter.to],
    );
    const nodes = res.data.strikeReports.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(n);
    expect(nodes.map((s: any) => s.place)).toContain('Bila Tserkva');
    expect(nodes.map((s: any) => s.place)).not.toContain('Dnipro');
    for (const s of nodes) {
      expect(s.occurredAt >= '2023-05-17T01:10:00.000Z').toBe(true);
      expect(s.occurredAt < '2023-12-11T04:15:00.000Z').toBe(true);
    }
  });

  it('filters by weapon system', async () => {
    const res = await t.gql(PAGE, { filter: { weaponSystemId: kab } });
    expect(res.data.strikeReports.edges.map((e: any) => e.node.place)).toEqual(['Kostiantynivka']);
    const shahed = await t.gql(PAGE, { filter: { weaponSystemId: shahed136 }, first: 100 });
    const [{ n }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM strike_report WHERE weapon_system_id = $1',
      [shahed136],
    );
    expect(shahed.data.strikeReports.totalCount).toBe(n);
    expect(
      shahed.data.strikeReports.edges.every((e: any) => e.node.weaponSystem.name === 'Shahed-136'),
    ).toBe(true);
  });

  it('refuses a malformed filter with BAD_USER_INPUT', async () => {
    const res = await t.gql(PAGE, { filter: { weaponSystemId: 'kab' } });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toContain('filter.weaponSystemId');
    const time = await t.gql(PAGE, { filter: { from: 'last week' } });
    expect(time.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('reports a strike, with an audit event, and reads it back by id', async () => {
    const created = await report();
    expect(created).toMatchObject({ ...base, synthetic: false, version: 1 });
    expect(created.weaponSystem).toEqual({ name: 'Shahed-136' });
    const res = await t.gql(ONE, { id: created.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.strikeReport).toMatchObject({
      ...base,
      findings: { totalCount: 0, edges: [] },
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'strikeReport.create' AND subject_id = $1`,
      [created.id],
    );
    expect(n).toBe(1);
    const minimal = await t.gql(REPORT, { input: { occurredAt: '2024-01-02T03:04:05Z' } }, as);
    expect(minimal.errors).toBeUndefined();
    expect(minimal.data.reportStrike).toMatchObject({
      place: null,
      latitude: null,
      killed: null,
      weaponSystem: null,
    });
  });

  it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await t.gql(ONE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.strikeReport).toBeNull();
    const malformed = await t.gql(ONE, { id: '12' });
    expect(malformed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('shows the findings of a strike, newest first, page by page', async () => {
    const strike = await report({ place: 'Findings test' });
    const adxl = await componentId('ADXL357B');
    const tms = await componentId('TMS320F28335PGFA');
    for (const [componentId, marking] of [
      [adxl, 'ADXL357B first'],
      [tms, 'TMS320 second'],
      [adxl, 'ADXL357B third'],
    ]) {
      const res = await t.gql(
        RECORD,
        { input: { componentId, strikeReportId: strike.id, marking } },
        as,
      );
      expect(res.errors).toBeUndefined();
    }
    const p1 = await t.gql(ONE, { id: strike.id, first: 2 });
    expect(p1.errors).toBeUndefined();
    const findings = p1.data.strikeReport.findings;
    expect(findings.totalCount).toBe(3);
    expect(findings.pageInfo.hasNextPage).toBe(true);
    expect(findings.edges.map((e: any) => e.node.marking)).toEqual([
      'ADXL357B third',
      'TMS320 second',
    ]);
    expect(findings.edges[1].node).toMatchObject({
      component: { partNumber: 'TMS320F28335PGFA' },
      strikeReport: { id: strike.id },
    });
    const p2 = await t.gql(ONE, { id: strike.id, first: 2, after: findings.pageInfo.endCursor });
    expect(p2.data.strikeReport.findings.edges.map((e: any) => e.node.marking)).toEqual([
      'ADXL357B first',
    ]);
    expect(p2.data.strikeReport.findings.pageInfo.hasNextPage).toBe(false);
  });

  it('loads a page of 100 strikes with weapons, findings, parts and makers in as many statements as 10', async () => {
    // the newest strike, with findings, is on both pages
    const strike = await report({ occurredAt: new Date(Date.now() - 60_000).toISOString() });
    for (const part of ['ADXL357B', 'TMS320F28335PGFA']) {
      const res = await t.gql(
        RECORD,
        { input: { componentId: await componentId(part), strikeReportId: strike.id } },
        as,
      );
      expect(res.errors).toBeUndefined();
    }
    const query = `query($first: Int) { strikeReports(first: $first) { edges { node {
      weaponSystem { name }
      findings(first: 5) { edges { node { component { partNumber manufacturer { name } } } } }
    } } } }`;
    const count = async (first: number) => {
      t.queries.reset();
      const res = await t.gql(query, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data.strikeReports.edges[0].node.findings.edges).toHaveLength(2);
      return t.queries.count;
    };
    const for10 = await count(10);
    const for100 = await count(100);
    // key check, strikes, weapon systems, findings (one LATERAL), components, manufacturers
    expect(for100).toBe(6);
    expect(for10).toBe(for100);
  });

  it('updates the fields given, clears those set to null, and bumps the version', async () => {
    const created = await report();
    const res = await t.gql(
      UPDATE,
      {
        input: {
          id: created.id,
          expectedVersion: 1,
          killed: 1,
          summary: null,
          weaponSystemId: kab,
          latitude: null,
          longitude: null,
        },
      },
      as,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateStrikeReport).toMatchObject({
      killed: 1,
      injured: 2,
      summary: null,
      latitude: null,
      longitude: null,
      place: 'Zhytomyr',
      version: 2,
      weaponSystem: { name: 'KAB guided aerial bomb' },
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'strikeReport.update' AND subject_id = $1
         AND before->>'killed' = '0' AND after->>'killed' = '1'`,
      [created.id],
    );
    expect(n).toBe(1);
  });

  it('answers CONFLICT with the current version to a stale update, and changes nothing', async () => {
    const created = await report();
    await t.gql(UPDATE, { input: { id: created.id, expectedVersion: 1, killed: 3 } }, as);
    const stale = await t.gql(
      UPDATE,
      { input: { id: created.id, expectedVersion: 1, killed: 9 } },
      as,
    );
    expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions.currentVersion).toBe(2);
    const [{ killed }] = await t.ds.query('SELECT killed FROM strike_report WHERE id = $1', [
      created.id,
    ]);
    expect(killed).toBe(3);
  });

  it('answers NOT_FOUND to an update of an unknown strike report', async () => {
    const res = await t.gql(
      UPDATE,
      { input: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, killed: 1 } },
      as,
    );
    expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  const future = () => new Date(Date.now() + 86_400_000).toISOString();

  it.each([
    ['occurredAt', () => ({ occurredAt: future() })],
    ['latitude', () => ({ latitude: 91 })],
    ['latitude', () => ({ latitude: -90.5 })],
    ['longitude', () => ({ longitude: 180.01 })],
    ['longitude', () => ({ longitude: -181 })],
    ['longitude', () => ({ longitude: null })],
    ['munitionsCount', () => ({ munitionsCount: -1 })],
    ['killed', () => ({ killed: -1 })],
    ['injured', () => ({ injured: -3 })],
    ['country', () => ({ country: 'ZZ' })],
    ['country', () => ({ country: 'Ukraine' })],
    ['weaponSystemId', () => ({ weaponSystemId: '00000000-0000-4000-8000-000000000000' })],
    ['weaponSystemId', () => ({ weaponSystemId: 'shahed' })],
    ['place', () => ({ place: '  ' })],
    ['summary', () => ({ summary: 'x'.repeat(10_001) })],
  ])('answers BAD_USER_INPUT naming %s, and writes nothing', async (field, input) => {
    const before = await strikeCount();
    const res = await t.gql(REPORT, { input: { ...base, ...input() } }, as);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toContain(field);
    expect(await strikeCount()).toBe(before);
  });

  it('answers BAD_USER_INPUT to a count that is not an integer, and to a missing time', async () => {
    const fraction = await t.gql(REPORT, { input: { ...base, killed: 1.5 } }, as);
    expect(fraction.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fraction.errors?.[0].message).toMatch(/killed/);
    const noTime: Partial<typeof base> = { ...base };
    delete noTime.occurredAt;
    const missing = await t.gql(REPORT, { input: noTime }, as);
    expect(missing.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0].message).toMatch(/occurredAt/);
  });

  it.each([
    ['occurredAt', { occurredAt: null }],
    ['occurredAt', { occurredAt: '2999-01-01T00:00:00Z' }],
    ['latitude', { latitude: 91 }],
    ['latitude', { latitude: null }],
    ['killed', { killed: -1 }],
    ['country', { country: 'ZZ' }],
    ['weaponSystemId', { weaponSystemId: '00000000-0000-4000-8000-000000000000' }],
    ['input', {}],
  ])('refuses an update with a bad %s, and changes nothing', async (field, changes) => {
    const created = await report();
    const res = await t.gql(
      UPDATE,
      { input: { id: created.id, expectedVersion: 1, ...changes } },
      as,
    );
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toContain(field);
    const [{ version }] = await t.ds.query('SELECT version FROM strike_report WHERE id = $1', [
      created.id,
    ]);
    expect(version).toBe(1);
  });

  it.each([Role.ANALYST, Role.COMPLIANCE])('refuses writes to %s', async (role) => {
    const before = await strikeCount();
    const res = await t.gql(REPORT, { input: base }, { as: role });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await strikeCount()).toBe(before);
    const [{ id }] = await t.ds.query('SELECT id FROM strike_report LIMIT 1');
    const update = await t.gql(
      UPDATE,
      { input: { id, expectedVersion: 1, killed: 5 } },
      { as: role },
    );
    expect(update.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
