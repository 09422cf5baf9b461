import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const CREATE = `mutation($input: CreateComponentInput!) {
  createComponent(input: $input) { id partNumber normalizedPartNumber category hsCode chplTier version manufacturer { name } }
}`;
const UPDATE = `mutation($input: UpdateComponentInput!) { updateComponent(input: $input) { id partNumber normalizedPartNumber hsCode version } }`;
const ARCHIVE = `mutation($input: ArchiveComponentInput!) { archiveComponent(input: $input) { id archivedAt version } }`;
const LIST = `query($filter: ComponentFilter, $orderBy: ComponentOrder, $first: Int) {
  components(filter: $filter, orderBy: $orderBy, first: $first) { totalCount edges { node { id partNumber } } }
}`;
const as = { as: Role.INVESTIGATOR };

describe('component writes and filters (e2e)', () => {
  let t: TestApp;
  let tiId: string;
  beforeAll(async () => {
    t = await createTestApp();
    [{ id: tiId }] = await t.ds.query(
      `SELECT id FROM organization WHERE name = 'Texas Instruments'`,
    );
  });
  afterAll(() => t.close());

  it('creates a component with a normalized part number and an audit event', async () => {
    const res = await t.gql(
      CREATE,
      {
        input: {
          manufacturerId: tiId,
          partNumber: ' tps 7a47-01 ',
          category: 'POWER',
          hsCode: '8542.39',
        },
      },
      as,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createComponent).toMatchObject({
      partNumber: 'tps 7a47-01',
      normalizedPartNumber: 'TPS7A4701',
      category: 'POWER',
      hsCode: '854239',
      chplTier: 'TIER_1',
      version: 1,
      manufacturer: { name: 'Texas Instruments' },
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'component.create' AND subject_id = $1`,
      [res.data.createComponent.id],
    );
    expect(n).toBe(1);
  });

  it('answers CONFLICT for the same maker and part number written another way', async () => {
    const res = await t.gql(
      CREATE,
      { input: { manufacturerId: tiId, partNumber: 'TMS320-F28335 PGFA' } },
      as,
    );
    expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('adds a new HS code of a real chapter, and refuses others, naming the field', async () => {
    const ok = await t.gql(
      CREATE,
      { input: { manufacturerId: tiId, partNumber: 'NEWCODE-1', hsCode: '847330' } },
      as,
    );
    expect(ok.data.createComponent.hsCode).toBe('847330');
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM hs_code WHERE code = '847330' AND chpl_tier IS NULL`,
    );
    expect(n).toBe(1);
    for (const hsCode of ['991234', '12345', 'abcdef']) {
      const bad = await t.gql(
        CREATE,
        { input: { manufacturerId: tiId, partNumber: 'NEWCODE-2', hsCode } },
        as,
      );
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(bad.errors?.[0].extensions.fields)).toContain('hsCode');
    }
  });

  it.each([
    [{ manufacturerId: 'nope', partNumber: 'A' }, 'manufacturerId'],
    [{ manufacturerId: '00000000-0000-4000-8000-000000000000', partNumber: 'A' }, 'manufacturerId'],
    [{ partNumber: '  ' }, 'partNumber'],
    [{ partNumber: '---' }, 'partNumber'],
    [{ partNumber: 'A'.repeat(101) }, 'partNumber'],
  ])('refuses %j naming %s', async (input, field) => {
    const res = await t.gql(CREATE, { input: { manufacturerId: tiId, ...input } }, as);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });

  it('updates with the version read, and answers CONFLICT for a stale one', async () => {
    const created = (
      await t.gql(CREATE, { input: { manufacturerId: tiId, partNumber: 'UPD-1' } }, as)
    ).data.createComponent;
    const updated = await t.gql(
      UPDATE,
      { input: { id: created.id, expectedVersion: 1, partNumber: 'UPD-2' } },
      as,
    );
    expect(updated.data.updateComponent).toMatchObject({
      partNumber: 'UPD-2',
      normalizedPartNumber: 'UPD2',
      version: 2,
    });
    const stale = await t.gql(
      UPDATE,
      { input: { id: created.id, expectedVersion: 1, description: 'x' } },
      as,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('archives: gone from the default list, still readable by id', async () => {
    const created = (
      await t.gql(CREATE, { input: { manufacturerId: tiId, partNumber: 'ARCH-1' } }, as)
    ).data.createComponent;
    const archived = await t.gql(ARCHIVE, { input: { id: created.id, expectedVersion: 1 } }, as);
    expect(archived.data.archiveComponent.archivedAt).toEqual(expect.any(String));
    const listed = await t.gql(LIST, { filter: { search: 'ARCH-1' } });
    expect(listed.data.components.totalCount).toBe(0);
    const withArchived = await t.gql(LIST, { filter: { search: 'ARCH-1', includeArchived: true } });
    expect(withArchived.data.components.totalCount).toBe(1);
    const byId = await t.gql(`query($id: ID!) { component(id: $id) { archivedAt } }`, {
      id: created.id,
    });
    expect(byId.data.component.archivedAt).toEqual(expect.any(String));
  });

  it('refuses writes to an ANALYST and writes nothing', async () => {
    const res = await t.gql(
      CREATE,
      { input: { manufacturerId: tiId, partNumber: 'ANALYST-1' } },
      { as: Role.ANALYST },
    );
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM component WHERE normalized_part_number = 'ANALYST1'`,
    );
    expect(n).toBe(0);
  });

  it.each([
    [
      { manufacturerCountry: 'ch' },
      (n: number) => n > 0,
      `SELECT count(*)::int AS n FROM component c JOIN organization o ON o.id = c.manufacturer_id WHERE o.country = 'CH' AND c.archived_at IS NULL`,
    ],
    [
      { category: 'GNSS' },
      (n: number) => n > 0,
      `SELECT count(*)::int AS n FROM component WHERE category = 'GNSS' AND archived_at IS NULL`,
    ],
    [
      { hsCode: '854231' },
      (n: number) => n > 0,
      `SELECT count(*)::int AS n FROM component WHERE hs_code = '854231' AND archived_at IS NULL`,
    ],
    [
      { chplTier: 'TIER_2' },
      () => true,
      `SELECT count(*)::int AS n FROM component c JOIN hs_code h ON h.code = c.hs_code WHERE h.chpl_tier = '2' AND c.archived_at IS NULL`,
    ],
  ])('filters by %j', async (filter, nonEmpty, sql) => {
    const [{ n }] = await t.ds.query(sql);
    expect(nonEmpty(n)).toBe(true);
    const res = await t.gql(LIST, { filter, first: 100 });
    expect(res.errors).toBeUndefined();
    expect(res.data.components.totalCount).toBe(n);
  });

  it('filters by the weapon system a part was found in', async () => {
    const [{ id }] = await t.ds.query(`SELECT id FROM weapon_system WHERE name = 'Shahed-136'`);
    const [{ n }] = await t.ds.query(
      `SELECT count(DISTINCT component_id)::int AS n FROM component_finding WHERE weapon_system_id = $1`,
      [id],
    );
    const res = await t.gql(LIST, { filter: { foundInWeaponSystemId: id }, first: 100 });
    expect(res.data.components.totalCount).toBe(n);
    expect(n).toBeGreaterThan(40);
  });

  it('orders newest first when asked', async () => {
    const res = await t.gql(LIST, { orderBy: 'NEWEST', first: 1 });
    const [{ part_number }] = await t.ds.query(
      `SELECT part_number FROM component WHERE archived_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    expect(res.data.components.edges[0].node.partNumber).toBe(part_number);
  });
});
