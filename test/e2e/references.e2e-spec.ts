import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * One reference check and one id validator for every write: ids are accepted in any letter case,
 * and new records never point at an archived organization or component, whichever feature writes.
 */
describe('references of writes (e2e)', () => {
  let t: TestApp;
  const as = { as: Role.INVESTIGATOR };
  let maker: string;
  let archived: string;
  let weapon: string;
  let part: string;

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: maker }] = await t.ds.query(
      `SELECT id FROM organization WHERE name = 'Texas Instruments'`,
    );
    [{ id: weapon }] = await t.ds.query(`SELECT id FROM weapon_system ORDER BY name LIMIT 1`);
    [{ id: part }] = await t.ds.query(
      `SELECT id FROM component ORDER BY normalized_part_number LIMIT 1`,
    );
    const created = await t.gql(
      `mutation { createOrganization(input: { name: "Gone Trading Ltd", country: "HK" }) { id version } }`,
      {},
      as,
    );
    archived = created.data.createOrganization.id;
    const done = await t.gql(
      `mutation($input: ArchiveOrganizationInput!) { archiveOrganization(input: $input) { id } }`,
      { input: { id: archived, expectedVersion: created.data.createOrganization.version } },
      as,
    );
    expect(done.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id manufacturer { id } } }`;

  it('accepts an id in upper case and stores it as Postgres writes it', async () => {
    const res = await t.gql(
      CREATE_COMPONENT,
      {
        input: {
          manufacturerId: maker.toUpperCase(),
          partNumber: 'UPPERCASE-ID-1',
          category: 'MCU',
        },
      },
      as,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createComponent.manufacturer.id).toBe(maker);

    const strike = await t.gql(
      `mutation($input: ReportStrikeInput!) { reportStrike(input: $input) { id weaponSystem { id } } }`,
      {
        input: {
          occurredAt: '2024-01-02T03:04:05Z',
          place: 'Kharkiv',
          country: 'UA',
          weaponSystemId: ` ${weapon.toUpperCase()} `,
        },
      },
      as,
    );
    expect(strike.errors).toBeUndefined();
    expect(strike.data.reportStrike.weaponSystem.id).toBe(weapon);

    const finding = await t.gql(
      `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id component { id } strikeReport { id } } }`,
      {
        input: {
          componentId: part.toUpperCase(),
          strikeReportId: strike.data.reportStrike.id.toUpperCase(),
          marking: 'X',
        },
      },
      as,
    );
    expect(finding.errors).toBeUndefined();
    expect(finding.data.recordFinding.component.id).toBe(part);

    const filtered = await t.gql(
      `query($f: ComponentFilter) { components(filter: $f) { totalCount } }`,
      { f: { manufacturerId: maker.toUpperCase() } },
    );
    expect(filtered.data.components.totalCount).toBeGreaterThan(0);
  });

  it('refuses an archived maker for a component, as shipments and sanctions do', async () => {
    const component = await t.gql(
      CREATE_COMPONENT,
      { input: { manufacturerId: archived, partNumber: 'ARCHIVED-MAKER-1', category: 'MCU' } },
      as,
    );
    const sanction = await t.gql(
      `mutation($input: AddSanctionInput!) { addSanction(input: $input) { id } }`,
      {
        input: {
          organizationId: archived.toUpperCase(),
          authority: 'US_OFAC_SDN',
          program: 'RUSSIA-EO14024',
          listedOn: '2024-01-01',
        },
      },
      as,
    );
    const shipment = await t.gql(
      `mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { id } }`,
      {
        input: {
          shippedOn: '2024-01-01',
          exporterId: archived,
          importCountry: 'RU',
          exportCountry: 'HK',
          source: 'test',
          sourceRecordId: 'archived-1',
        },
      },
      as,
    );
    for (const [res, field] of [
      [component, 'manufacturerId'],
      [sanction, 'organizationId'],
      [shipment, 'exporterId'],
    ] as const) {
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([
        { field, messages: [`${field}: organization ${archived} is archived`] },
      ]);
    }
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM component WHERE normalized_part_number = 'ARCHIVEDMAKER1'`,
    );
    expect(n).toBe(0);
  });

  it('names an unknown reference by its field, whatever the feature', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const res = await t.gql(
      CREATE_COMPONENT,
      { input: { manufacturerId: unknown.toUpperCase(), partNumber: 'NOBODY-1', category: 'MCU' } },
      as,
    );
    expect(res.errors?.[0].extensions.fields).toEqual([
      { field: 'manufacturerId', messages: [`manufacturerId: no organization ${unknown}`] },
    ]);
    const malformed = await t.gql(
      CREATE_COMPONENT,
      { input: { manufacturerId: 'not-a-uuid', partNumber: 'NOBODY-2', category: 'MCU' } },
      as,
    );
    expect(malformed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0].extensions.fields).toEqual([
      { field: 'manufacturerId', messages: ['manufacturerId must be a UUID'] },
    ]);
  });
});
