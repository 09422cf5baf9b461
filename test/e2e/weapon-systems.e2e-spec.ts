import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const LIST = `{ weaponSystems { id name designations type designCountry productionCountry version } }`;
const ONE = `query($id: ID!) {
  weaponSystem(id: $id) {
    id name designations type designCountry productionCountry description version
    billOfMaterials {
      findingCount manufacturerCountry firstRecoveredOn lastRecoveredOn
      component { partNumber normalizedPartNumber manufacturer { name country } }
    }
  }
}`;
const CREATE = `mutation($input: CreateWeaponSystemInput!) {
  createWeaponSystem(input: $input) { id name designations type designCountry productionCountry description version }
}`;
const RECORD = `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id version } }`;
const UPDATE_FINDING = `mutation($input: UpdateFindingInput!) { updateFinding(input: $input) { id version } }`;
const as = { as: Role.INVESTIGATOR };

describe('weapon systems (e2e)', () => {
  let t: TestApp;
  let shahed136: string;
  beforeAll(async () => {
    t = await createTestApp();
    [{ id: shahed136 }] = await t.ds.query(
      `SELECT id FROM weapon_system WHERE name = 'Shahed-136'`,
    );
  });
  afterAll(() => t.close());

  const fieldsOf = (res: { errors?: { extensions: Record<string, unknown> }[] }) =>
    ((res.errors?.[0].extensions.fields ?? []) as { field: string }[]).map((f) => f.field);
  const componentId = async (normalized: string): Promise<string> =>
    (
      await t.ds.query('SELECT id FROM component WHERE normalized_part_number = $1', [normalized])
    )[0].id;

  it('lists every weapon system in name order, drones and other weapons alike', async () => {
    const res = await t.gql(LIST);
    expect(res.errors).toBeUndefined();
    const names: string[] = res.data.weaponSystems.map((w: any) => w.name);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM weapon_system');
    expect(names).toHaveLength(n);
    expect(names).toEqual(
      expect.arrayContaining(['Shahed-136', 'Shahed-131', 'KAB guided aerial bomb']),
    );
    const sorted: string[] = (
      await t.ds.query('SELECT name FROM weapon_system ORDER BY name, id')
    ).map((r: { name: string }) => r.name);
    expect(names).toEqual(sorted);
    expect(res.data.weaponSystems.find((w: any) => w.name === 'Shahed-136')).toMatchObject({
      designations: ['Geran-2'],
      type: 'ONE_WAY_ATTACK_UAV',
      designCountry: 'IR',
      productionCountry: 'RU',
    });
  });

  it('reads one by id; null for an unknown id, BAD_USER_INPUT for a malformed one', async () => {
    const res = await t.gql(ONE, { id: shahed136 });
    expect(res.errors).toBeUndefined();
    expect(res.data.weaponSystem).toMatchObject({ id: shahed136, name: 'Shahed-136', version: 1 });
    const unknown = await t.gql(ONE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.weaponSystem).toBeNull();
    const malformed = await t.gql(ONE, { id: 'shahed' });
    expect(malformed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("gives the Shahed-136's bill of materials: TI's TMS320F28335PGFA found 3 times, made in the US", async () => {
    const res = await t.gql(ONE, { id: shahed136 });
    const bom: any[] = res.data.weaponSystem.billOfMaterials;
    const tms = bom.find((i) => i.component.partNumber === 'TMS320F28335PGFA');
    expect(tms).toEqual({
      findingCount: 3,
      manufacturerCountry: 'US',
      firstRecoveredOn: null,
      lastRecoveredOn: null,
      component: {
        partNumber: 'TMS320F28335PGFA',
        normalizedPartNumber: 'TMS320F28335PGFA',
        manufacturer: { name: 'Texas Instruments', country: 'US' },
      },
    });
    // one item per component, every finding of the Shahed-136 counted once
    const [{ components, findings }] = await t.ds.query(
      `SELECT count(DISTINCT component_id)::int AS components, count(*)::int AS findings
         FROM component_finding WHERE weapon_system_id = $1 AND verification_status <> 'RETRACTED'`,
      [shahed136],
    );
    expect(bom).toHaveLength(components);
    expect(bom.reduce((sum, i) => sum + i.findingCount, 0)).toBe(findings);
    // most found first, then by part number
    for (let i = 1; i < bom.length; i++) {
      const [a, b] = [bom[i - 1], bom[i]];
      expect(
        a.findingCount > b.findingCount ||
          (a.findingCount === b.findingCount &&
            a.component.normalizedPartNumber <= b.component.normalizedPartNumber),
      ).toBe(true);
    }
  });

  it('loads the bills of materials of every weapon system in one statement', async () => {
    const query = `{ weaponSystems { name billOfMaterials { findingCount component { partNumber manufacturer { name } } } } }`;
    t.queries.reset();
    const res = await t.gql(query);
    expect(res.errors).toBeUndefined();
    // the key check + the list + one GROUP BY + one batched component and one manufacturer look-up
    expect(t.queries.count).toBe(5);
    expect(t.queries.statements.filter((s) => /GROUP BY/i.test(s))).toHaveLength(1);
  });

  it('counts recovery dates and leaves retracted findings out of the bill of materials', async () => {
    const created = await t.gql(CREATE, { input: { name: 'BOM test drone' } }, as);
    const weaponSystemId = created.data.createWeaponSystem.id;
    const adxl = await componentId('ADXL357B');
    const tms = await componentId('TMS320F28335PGFA');
    const ids: { id: string; version: number }[] = [];
    for (const [component, recoveredOn] of [
      [adxl, '2023-05-02'],
      [adxl, '2023-01-15'],
      [adxl, '2024-02-01'],
      [tms, '2023-07-07'],
    ]) {
      const res = await t.gql(
        RECORD,
        { input: { componentId: component, weaponSystemId, recoveredOn } },
        as,
      );
      expect(res.errors).toBeUndefined();
      ids.push(res.data.recordFinding);
    }
    const before = (await t.gql(ONE, { id: weaponSystemId })).data.weaponSystem.billOfMaterials;
    expect(
      before.map((i: any) => [
        i.component.partNumber,
        i.findingCount,
        i.firstRecoveredOn,
        i.lastRecoveredOn,
      ]),
    ).toEqual([
      ['ADXL357B', 3, '2023-01-15', '2024-02-01'],
      ['TMS320F28335PGFA', 1, '2023-07-07', '2023-07-07'],
    ]);

    const retract = await t.gql(
      UPDATE_FINDING,
      {
        input: { id: ids[2].id, expectedVersion: ids[2].version, verificationStatus: 'RETRACTED' },
      },
      as,
    );
    expect(retract.errors).toBeUndefined();
    const after = (await t.gql(ONE, { id: weaponSystemId })).data.weaponSystem.billOfMaterials;
    expect(after[0]).toMatchObject({
      findingCount: 2,
      firstRecoveredOn: '2023-01-15',
      lastRecoveredOn: '2023-05-02',
    });
  });

  it('creates a weapon system, trimmed and upper-cased, with an audit event', async () => {
    const res = await t.gql(
      CREATE,
      {
        input: {
          name: '  Lancet-3 ',
          designations: [' Izdeliye 53 ', 'Izdeliye 53'],
          type: 'ONE_WAY_ATTACK_UAV',
          designCountry: 'ru',
          productionCountry: 'RU',
          description: 'Loitering munition.',
        },
      },
      as,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createWeaponSystem).toMatchObject({
      name: 'Lancet-3',
      designations: ['Izdeliye 53'],
      type: 'ONE_WAY_ATTACK_UAV',
      designCountry: 'RU',
      productionCountry: 'RU',
      description: 'Loitering munition.',
      version: 1,
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'weaponSystem.create' AND subject_id = $1`,
      [res.data.createWeaponSystem.id],
    );
    expect(n).toBe(1);
    const minimal = await t.gql(CREATE, { input: { name: 'Unnamed glide bomb' } }, as);
    expect(minimal.data.createWeaponSystem).toMatchObject({
      designations: [],
      type: 'OTHER',
      designCountry: null,
    });
  });

  it.each(['Shahed-136', 'shahed-136', ' SHAHED-136 '])(
    'answers CONFLICT for a name already taken: %s',
    async (name) => {
      const res = await t.gql(CREATE, { input: { name } }, as);
      expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
      expect(res.data).toBeNull();
    },
  );

  it.each([
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(121) }],
    ['designCountry', { name: 'Bad country 1', designCountry: 'ZZ' }],
    ['designCountry', { name: 'Bad country 2', designCountry: 'Iran' }],
    ['productionCountry', { name: 'Bad country 3', productionCountry: 'XX' }],
    ['designations', { name: 'Bad designation', designations: [''] }],
  ])('answers BAD_USER_INPUT naming %s, and writes nothing', async (field, input) => {
    const [{ n: before }] = await t.ds.query('SELECT count(*)::int AS n FROM weapon_system');
    const res = await t.gql(CREATE, { input }, as);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toContain(field);
    const [{ n: after }] = await t.ds.query('SELECT count(*)::int AS n FROM weapon_system');
    expect(after).toBe(before);
  });

  it.each([Role.ANALYST, Role.COMPLIANCE])('refuses creation to %s', async (role) => {
    const res = await t.gql(CREATE, { input: { name: `Made by ${role}` } }, { as: role });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [{ n }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM weapon_system WHERE name = $1',
      [`Made by ${role}`],
    );
    expect(n).toBe(0);
  });
});
