import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const NODE = `id sampleRef marking dateCode lotCode serial recoveredOn verificationStatus version
  component { id partNumber manufacturer { name country } } weaponSystem { name } strikeReport { id place }`;
const PAGE = `query($first: Int, $after: String, $filter: FindingFilter) {
  findings(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${NODE} } }
  }
}`;
const ONE = `query($id: ID!) { finding(id: $id) { ${NODE} } }`;
const COMPONENT = `query($id: ID!, $first: Int, $after: String) {
  component(id: $id) {
    partNumber
    findings(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id marking sampleRef verificationStatus weaponSystem { name } } }
    }
  }
}`;
const RECORD = `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { ${NODE} } }`;
const UPDATE = `mutation($input: UpdateFindingInput!) { updateFinding(input: $input) { ${NODE} } }`;
const REPORT = `mutation($input: ReportStrikeInput!) { reportStrike(input: $input) { id } }`;
const as = { as: Role.INVESTIGATOR };
const ZERO_ID = '00000000-0000-4000-8000-000000000000';

describe('findings (e2e)', () => {
  let t: TestApp;
  let shahed136: string;
  let shahed131: string;
  let tms: string;
  let adxl: string;
  beforeAll(async () => {
    t = await createTestApp();
    const weapons: { id: string; name: string }[] = await t.ds.query(
      'SELECT id, name FROM weapon_system',
    );
    shahed136 = weapons.find((w) => w.name === 'Shahed-136')!.id;
    shahed131 = weapons.find((w) => w.name === 'Shahed-131')!.id;
    tms = await componentId('TMS320F28335PGFA');
    adxl = await componentId('ADXL357B');
  });
  afterAll(() => t.close());

  async function componentId(normalized: string): Promise<string> {
    const rows = await t.ds.query('SELECT id FROM component WHERE normalized_part_number = $1', [
      normalized,
    ]);
    return rows[0].id;
  }
  const fieldsOf = (res: { errors?: { extensions: Record<string, unknown> }[] }) =>
    ((res.errors?.[0].extensions.fields ?? []) as { field: string }[]).map((f) => f.field);
  const findingCount = async (): Promise<number> =>
    (await t.ds.query('SELECT count(*)::int AS n FROM component_finding'))[0].n;
  const record = async (input: Record<string, unknown>) => {
    const res = await t.gql(RECORD, { input }, as);
    expect(res.errors).toBeUndefined();
    return res.data.recordFinding;
  };
  const all = async (filter: Record<string, unknown>) => {
    const res = await t.gql(PAGE, { filter, first: 100 });
    expect(res.errors).toBeUndefined();
    return res.data.findings;
  };

  it('lists the findings newest first and pages through them with no gaps or duplicates', async () => {
    const expected: string[] = (
      await t.ds.query('SELECT id FROM component_finding ORDER BY created_at DESC, id DESC')
    ).map((r: { id: string }) => r.id);
    expect(expected.length).toBeGreaterThanOrEqual(61);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await t.gql(PAGE, { first: 25, after });
      expect(res.errors).toBeUndefined();
      expect(res.data.findings.totalCount).toBe(expected.length);
      seen.push(...res.data.findings.edges.map((e: any) => e.node.id));
      after = res.data.findings.pageInfo.hasNextPage ? res.data.findings.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('shows a new finding first', async () => {
    const created = await record({ componentId: adxl, weaponSystemId: shahed131, marking: 'new' });
    const res = await t.gql(PAGE, { first: 1 });
    expect(res.data.findings.edges[0].node.id).toBe(created.id);
  });

  it('filters by component: the TMS320F28335PGFA was found in three Shahed-136 airframes', async () => {
    const [{ n }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM component_finding WHERE component_id = $1',
      [tms],
    );
    const found = await all({ componentId: tms });
    expect(found.totalCount).toBe(n);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(found.edges.every((e: any) => e.node.component.partNumber === 'TMS320F28335PGFA')).toBe(
      true,
    );
    const demo = found.edges.filter((e: any) => e.node.weaponSystem?.name === 'Shahed-136');
    expect(demo.map((e: any) => e.node.sampleRef)).toEqual(
      expect.arrayContaining(['geran2-1276', 'shahed136-157-components', 'shahed136-214']),
    );
    expect(demo.map((e: any) => e.node.marking)).toContain('TMS320 F28335PGFA G4A-17C76FW');
  });

  it('filters by weapon system', async () => {
    await record({ componentId: tms, weaponSystemId: shahed131, sampleRef: 'geran1-test' });
    const found = await all({ weaponSystemId: shahed131 });
    const [{ n }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM component_finding WHERE weapon_system_id = $1',
      [shahed131],
    );
    expect(found.totalCount).toBe(n);
    expect(n).toBeGreaterThan(0);
    expect(found.edges.every((e: any) => e.node.weaponSystem.name === 'Shahed-131')).toBe(true);
  });

  it("filters by the manufacturer's country, in any case", async () => {
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM component_finding f JOIN component c ON c.id = f.component_id
         JOIN organization o ON o.id = c.manufacturer_id WHERE o.country = 'US'`,
    );
    const found = await all({ manufacturerCountry: 'us' });
    expect(found.totalCount).toBe(n);
    expect(n).toBeGreaterThan(0);
    expect(found.edges.every((e: any) => e.node.component.manufacturer.country === 'US')).toBe(
      true,
    );
    const bad = await t.gql(PAGE, { filter: { manufacturerCountry: 'USA' } });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual(['filter.manufacturerCountry']);
  });

  it('filters by verification status', async () => {
    for (const status of ['VERIFIED', 'REPORTED', 'DISPUTED']) {
      const [{ n }] = await t.ds.query(
        'SELECT count(*)::int AS n FROM component_finding WHERE verification_status = $1',
        [status],
      );
      const found = await all({ verificationStatus: status });
      expect([status, found.totalCount]).toEqual([status, n]);
      expect(found.edges.every((e: any) => e.node.verificationStatus === status)).toBe(true);
    }
  });

  it('filters by recovery date, both ends inclusive', async () => {
    const sampleRef = 'dated-test';
    for (const recoveredOn of ['2022-10-01', '2022-10-17', '2022-11-30', '2022-12-01']) {
      await record({ componentId: adxl, weaponSystemId: shahed136, sampleRef, recoveredOn });
    }
    const found = await all({ from: '2022-10-17', to: '2022-11-30' });
    expect(found.edges.map((e: any) => e.node.recoveredOn)).toEqual(['2022-11-30', '2022-10-17']);
    const from = await all({ from: '2022-11-30' });
    expect(from.edges.map((e: any) => e.node.recoveredOn)).toEqual(
      expect.arrayContaining(['2022-11-30', '2022-12-01']),
    );
    expect(from.edges.every((e: any) => e.node.recoveredOn >= '2022-11-30')).toBe(true);
    for (const bad of ['2022-02-30', '30.11.2022', 'yesterday']) {
      const res = await t.gql(PAGE, { filter: { to: bad } });
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(['filter.to']);
    }
  });

  it('reads one finding with its component, weapon system and strike report', async () => {
    const [{ id: strikeId }] = await t.ds.query(
      `SELECT id FROM strike_report WHERE place = 'Odesa'`,
    );
    const created = await record({ componentId: tms, strikeReportId: strikeId, marking: 'x' });
    const res = await t.gql(ONE, { id: created.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.finding).toMatchObject({
      id: created.id,
      component: {
        partNumber: 'TMS320F28335PGFA',
        manufacturer: { name: 'Texas Instruments', country: 'US' },
      },
      // recorded against a strike without a weapon system, it takes the strike's
      weaponSystem: { name: 'Shahed-136' },
      strikeReport: { id: strikeId, place: 'Odesa' },
    });
    const unknown = await t.gql(ONE, { id: ZERO_ID });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.finding).toBeNull();
    const malformed = await t.gql(ONE, { id: 'finding-1' });
    expect(malformed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('shows the findings of a component, newest first, page by page', async () => {
    const [{ id: part }] = await t.ds.query(
      `SELECT c.id FROM component c JOIN organization o ON o.id = c.manufacturer_id
        WHERE o.name = 'Texas Instruments' AND c.normalized_part_number <> 'TMS320F28335PGFA' LIMIT 1`,
    );
    const [{ n: before }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM component_finding WHERE component_id = $1',
      [part],
    );
    const ids: string[] = [];
    for (const marking of ['one', 'two', 'three'])
      ids.push((await record({ componentId: part, marking })).id);
    const p1 = await t.gql(COMPONENT, { id: part, first: 2 });
    expect(p1.errors).toBeUndefined();
    const findings = p1.data.component.findings;
    expect(findings.totalCount).toBe(before + 3);
    expect(findings.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    const p2 = await t.gql(COMPONENT, { id: part, first: 2, after: findings.pageInfo.endCursor });
    expect(p2.data.component.findings.edges[0].node.id).toBe(ids[0]);

    const demo = await t.gql(COMPONENT, { id: tms, first: 100 });
    const fromShahed = demo.data.component.findings.edges.filter(
      (e: any) => e.node.weaponSystem?.name === 'Shahed-136' && e.node.sampleRef !== null,
    );
    expect(fromShahed.length).toBeGreaterThanOrEqual(3);
  });

  it('records a finding with the marking kept exactly as given and an audit event', async () => {
    const marking = '  TMS320 F28335PGFA  G4A-17C76FW ';
    const created = await record({
      componentId: tms,
      weaponSystemId: shahed136,
      sampleRef: ' geran2-9999 ',
      marking,
      dateCode: ' 17C76FW',
      lotCode: 'G4A',
      serial: 'SN-1',
      recoveredOn: '2023-11-02',
    });
    expect(created).toMatchObject({
      sampleRef: 'geran2-9999',
      marking,
      dateCode: '17C76FW',
      lotCode: 'G4A',
      serial: 'SN-1',
      recoveredOn: '2023-11-02',
      verificationStatus: 'REPORTED',
      version: 1,
      weaponSystem: { name: 'Shahed-136' },
      strikeReport: null,
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'finding.create' AND subject_id = $1`,
      [created.id],
    );
    expect(n).toBe(1);
  });

  it('updates a finding (VERIFIED), bumps its version, and audits the change', async () => {
    const created = await record({ componentId: adxl, weaponSystemId: shahed136 });
    const res = await t.gql(
      UPDATE,
      {
        input: {
          id: created.id,
          expectedVersion: 1,
          verificationStatus: 'VERIFIED',
          weaponSystemId: null,
          componentId: tms,
          lotCode: 'L1',
        },
      },
      as,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateFinding).toMatchObject({
      verificationStatus: 'VERIFIED',
      weaponSystem: null,
      component: { partNumber: 'TMS320F28335PGFA' },
      lotCode: 'L1',
      version: 2,
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'finding.update' AND subject_id = $1
         AND before->>'verificationStatus' = 'REPORTED' AND after->>'verificationStatus' = 'VERIFIED'`,
      [created.id],
    );
    expect(n).toBe(1);
  });

  it('answers CONFLICT with the current version to a stale update', async () => {
    const created = await record({ componentId: adxl });
    const first = await t.gql(
      UPDATE,
      { input: { id: created.id, expectedVersion: 1, verificationStatus: 'DISPUTED' } },
      as,
    );
    expect(first.errors).toBeUndefined();
    const stale = await t.gql(
      UPDATE,
      { input: { id: created.id, expectedVersion: 1, verificationStatus: 'RETRACTED' } },
      as,
    );
    expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions.currentVersion).toBe(2);
    const [{ status }] = await t.ds.query(
      'SELECT verification_status AS status FROM component_finding WHERE id = $1',
      [created.id],
    );
    expect(status).toBe('DISPUTED');
  });

  it('answers NOT_FOUND to an update of an unknown finding', async () => {
    const res = await t.gql(
      UPDATE,
      { input: { id: ZERO_ID, expectedVersion: 1, verificationStatus: 'VERIFIED' } },
      as,
    );
    expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  const future = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

  it.each([
    ['componentId', () => ({ componentId: ZERO_ID })],
    ['componentId', () => ({ componentId: 'tms320' })],
    ['weaponSystemId', () => ({ weaponSystemId: ZERO_ID })],
    ['strikeReportId', () => ({ strikeReportId: ZERO_ID })],
    ['recoveredOn', () => ({ recoveredOn: future() })],
    ['recoveredOn', () => ({ recoveredOn: '2023-02-30' })],
    ['recoveredOn', () => ({ recoveredOn: '2023-11-02T10:00:00Z' })],
    ['dateCode', () => ({ dateCode: 'x'.repeat(41) })],
    ['serial', () => ({ serial: '   ' })],
    ['marking', () => ({ marking: 'x'.repeat(1001) })],
  ])('answers BAD_USER_INPUT naming %s, and writes nothing', async (field, input) => {
    const before = await findingCount();
    const res = await t.gql(RECORD, { input: { componentId: tms, ...input() } }, as);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toContain(field);
    expect(await findingCount()).toBe(before);
  });

  it('refuses a finding of an archived component, naming componentId', async () => {
    const [{ id: maker }] = await t.ds.query(
      `SELECT id FROM organization WHERE name = 'Texas Instruments'`,
    );
    const [{ id: archived }] = await t.ds.query(
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number, archived_at)
       VALUES ($1, 'OLD-PART', 'OLDPART', now()) RETURNING id`,
      [maker],
    );
    const before = await findingCount();
    const res = await t.gql(RECORD, { input: { componentId: archived } }, as);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['componentId']);
    expect(res.errors?.[0].message).toMatch(/archived/i);
    expect(await findingCount()).toBe(before);
    const created = await record({ componentId: adxl });
    const moved = await t.gql(
      UPDATE,
      { input: { id: created.id, expectedVersion: 1, componentId: archived } },
      as,
    );
    expect(fieldsOf(moved)).toEqual(['componentId']);
  });

  it.each([
    ['componentId', { componentId: null }],
    ['verificationStatus', { verificationStatus: null }],
    ['recoveredOn', { recoveredOn: '2999-01-01' }],
    ['strikeReportId', { strikeReportId: ZERO_ID }],
    ['input', {}],
  ])('refuses an update with a bad %s, and changes nothing', async (field, changes) => {
    const created = await record({ componentId: adxl });
    const res = await t.gql(
      UPDATE,
      { input: { id: created.id, expectedVersion: 1, ...changes } },
      as,
    );
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toContain(field);
    const [{ version }] = await t.ds.query('SELECT version FROM component_finding WHERE id = $1', [
      created.id,
    ]);
    expect(version).toBe(1);
  });

  it('loads a page of 100 findings with their relations in as many statements as 10', async () => {
    const strike = await t.gql(
      REPORT,
      { input: { occurredAt: '2024-02-02T02:00:00Z', weaponSystemId: shahed136 } },
      as,
    );
    await record({ componentId: adxl, strikeReportId: strike.data.reportStrike.id });
    const count = async (first: number) => {
      t.queries.reset();
      const res = await t.gql(PAGE, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data.findings.edges[0].node.strikeReport).not.toBeNull();
      return t.queries.count;
    };
    const for10 = await count(10);
    const for100 = await count(100);
    // key check, page, total, components, manufacturers, weapon systems, strike reports
    expect(for100).toBe(7);
    expect(for10).toBe(for100);
  });

  it.each([Role.ANALYST, Role.COMPLIANCE])('refuses writes to %s', async (role) => {
    const before = await findingCount();
    const res = await t.gql(RECORD, { input: { componentId: tms } }, { as: role });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await findingCount()).toBe(before);
    const [{ id }] = await t.ds.query('SELECT id FROM component_finding LIMIT 1');
    const update = await t.gql(
      UPDATE,
      { input: { id, expectedVersion: 1, verificationStatus: 'RETRACTED' } },
      { as: role },
    );
    expect(update.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
