import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type GqlOptions, type TestApp } from './test-app.js';

const FIELDS = `id shippedOn originCountry exportCountry importCountry hsCode chplTier partNumberRaw
  description quantity valueUsd source sourceRecordId synthetic version
  exporter { id name } importer { id name } component { id partNumber }`;
const LIST = `query List($first: Int, $after: String, $filter: ShipmentFilter) {
  shipments(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id shippedOn } }
  }
}`;
const ONE = `query One($id: ID!) { shipment(id: $id) { ${FIELDS} } }`;
const RECORD = `mutation Record($input: RecordShipmentInput!) { recordShipment(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation Update($input: UpdateShipmentInput!) { updateShipment(input: $input) { ${FIELDS} } }`;

const AS_INVESTIGATOR: GqlOptions = { as: Role.INVESTIGATOR };

describe('shipments (e2e)', () => {
  let t: TestApp;
  let ti: string;
  let harbourline: string;
  let vostok: string;
  let dsp: string;

  beforeAll(async () => {
    t = await createTestApp();
    const idOf = async (name: string): Promise<string> =>
      (await t.ds.query('SELECT id FROM organization WHERE name = $1', [name]))[0].id;
    ti = await idOf('Texas Instruments');
    harbourline = await idOf('Demo Harbourline Trading Limited');
    vostok = await idOf('OOO Demo Vostok Komplekt');
    [{ id: dsp }] = await t.ds.query(
      `SELECT id FROM component WHERE normalized_part_number = 'TMS320F28335PGFA'`,
    );
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables?: Record<string, unknown>, options?: GqlOptions) => {
    const res = await t.gql(query, variables, options);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const record = async (input: Record<string, unknown>) =>
    (await ok(RECORD, { input }, AS_INVESTIGATOR)).recordShipment;
  const listed = async (filter: Record<string, unknown>): Promise<string[]> =>
    (await ok(LIST, { first: 100, filter })).shipments.edges.map((e: any) => e.node.id);
  /** The ids the same condition selects in SQL, newest first. */
  const expected = async (where: string, params: unknown[] = []): Promise<string[]> =>
    (
      await t.ds.query(
        `SELECT s.id FROM shipment s WHERE ${where} ORDER BY s.shipped_on DESC, s.id DESC`,
        params,
      )
    ).map((r: { id: string }) => r.id);

  const base = () => ({
    shippedOn: '2024-02-12',
    exporterId: harbourline,
    importerId: vostok,
    source: 'e2e-customs',
  });

  describe('record and read', () => {
    let recorded: any;

    it('records a shipment with every field, audited', async () => {
      recorded = await record({
        shippedOn: '2024-03-05',
        exporterId: harbourline,
        importerId: vostok,
        originCountry: 'my',
        exportCountry: 'HK',
        importCountry: 'RU',
        hsCode: '8542.31',
        componentId: dsp,
        partNumberRaw: ' tms320f28335pgfa  (TI) ',
        description: 'Integrated circuits, processors',
        quantity: 1200.5,
        valueUsd: 22209.25,
        source: ' e2e-customs ',
        sourceRecordId: 'HK-2024-000001',
      });
      expect(recorded).toMatchObject({
        shippedOn: '2024-03-05',
        originCountry: 'MY',
        exportCountry: 'HK',
        importCountry: 'RU',
        hsCode: '854231',
        chplTier: 'TIER_1',
        partNumberRaw: ' tms320f28335pgfa  (TI) ',
        quantity: 1200.5,
        valueUsd: 22209.25,
        source: 'e2e-customs',
        sourceRecordId: 'HK-2024-000001',
        synthetic: false,
        version: 1,
        exporter: { id: harbourline, name: 'Demo Harbourline Trading Limited' },
        importer: { id: vostok, name: 'OOO Demo Vostok Komplekt' },
        component: { id: dsp, partNumber: 'TMS320F28335PGFA' },
      });
      const [audit] = await t.ds.query(
        `SELECT action, after->>'sourceRecordId' AS record FROM audit_event WHERE subject_id = $1`,
        [recorded.id],
      );
      expect(audit).toEqual({ action: 'shipment.record', record: 'HK-2024-000001' });
    });

    it('reads one by id; null for an unknown id', async () => {
      expect((await ok(ONE, { id: recorded.id })).shipment).toEqual(recorded);
      expect((await ok(ONE, { id: '00000000-0000-4000-8000-000000000000' })).shipment).toBeNull();
    });

    it('answers the same source and record id again with CONFLICT', async () => {
      const res = await t.gql(
        RECORD,
        { input: { ...base(), source: 'e2e-customs', sourceRecordId: 'HK-2024-000001' } },
        AS_INVESTIGATOR,
      );
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        existingId: recorded.id,
      });
    });

    it('lets one of several simultaneous records of the same line in; the others are CONFLICT', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.gql(RECORD, { input: { ...base(), sourceRecordId: 'RACE-1' } }, AS_INVESTIGATOR),
        ),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions.code)).toEqual(
        Array(4).fill('CONFLICT'),
      );
    });

    it('adds a new HS code of a real chapter to the reference', async () => {
      const s = await record({ ...base(), hsCode: '940540', sourceRecordId: 'NEW-HS' });
      expect(s).toMatchObject({ hsCode: '940540', chplTier: null });
      const rows = await t.ds.query(`SELECT code FROM hs_code WHERE code = '940540'`);
      expect(rows).toHaveLength(1);
    });

    it('lists newest first and pages through every shipment with no gaps', async () => {
      const all = await expected('true');
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const { shipments } = await ok(LIST, { first: 7, after });
        expect(shipments.totalCount).toBe(all.length);
        seen.push(...shipments.edges.map((e: any) => e.node.id));
        after = shipments.pageInfo.hasNextPage ? shipments.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(all);
    });
  });

  describe('filters', () => {
    it('by shipping dates, both ends included', async () => {
      const got = await listed({ from: '2023-03-02', to: '2023-09-01' });
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(await expected(`s.shipped_on BETWEEN '2023-03-02' AND '2023-09-01'`));
    });

    it('by exporter and importer', async () => {
      expect(await listed({ exporterId: harbourline })).toEqual(
        await expected('s.exporter_id = $1', [harbourline]),
      );
      const intoVostok = await listed({ importerId: vostok });
      expect(intoVostok.length).toBeGreaterThan(3);
      expect(intoVostok).toEqual(await expected('s.importer_id = $1', [vostok]));
    });

    it('by HS code and by CHPL tier', async () => {
      const byCode = await listed({ hsCode: '854231' });
      expect(byCode.length).toBeGreaterThan(0);
      expect(byCode).toEqual(await expected(`s.hs_code = '854231'`));
      const tier1 = await listed({ chplTier: 'TIER_1' });
      expect(tier1).toEqual(
        await expected(`s.hs_code IN (SELECT code FROM hs_code WHERE chpl_tier = '1')`),
      );
      expect(tier1).toEqual(expect.arrayContaining(byCode));
      const tier3a = await listed({ chplTier: 'TIER_3A' });
      expect(tier3a).toEqual(
        await expected(`s.hs_code IN (SELECT code FROM hs_code WHERE chpl_tier = '3.A')`),
      );
    });

    it('by component', async () => {
      const got = await listed({ componentId: dsp });
      expect(got.length).toBeGreaterThan(1);
      expect(got).toEqual(await expected('s.component_id = $1', [dsp]));
    });

    it('by export and import country', async () => {
      expect(await listed({ exportCountry: 'hk' })).toEqual(
        await expected(`s.export_country = 'HK'`),
      );
      const toIran = await listed({ importCountry: 'IR' });
      expect(toIran.length).toBeGreaterThan(0);
      expect(toIran).toEqual(await expected(`s.import_country = 'IR'`));
    });

    it('by least value', async () => {
      const got = await listed({ minValueUsd: 20000 });
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(await expected('s.value_usd >= 20000'));
    });

    it('by manufacturer, through its corporate lineage', async () => {
      // A maker taken over by TI, and one of its parts shipped: a TI part today.
      const oldMaker = (
        await ok(
          `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
          {
            input: {
              name: 'Lineage Test Semiconductor',
              country: 'US',
              roles: ['MANUFACTURER'],
              successorId: ti,
            },
          },
          AS_INVESTIGATOR,
        )
      ).createOrganization.id;
      const oldPart = (
        await ok(
          `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
          { input: { manufacturerId: oldMaker, partNumber: 'LTS-0001', category: 'POWER' } },
          AS_INVESTIGATOR,
        )
      ).createComponent.id;
      const shipped = await record({
        ...base(),
        componentId: oldPart,
        sourceRecordId: 'LINEAGE-1',
        originCountry: 'US',
      });

      const byTi = await listed({ manufacturerId: ti });
      expect(byTi).toContain(shipped.id);
      expect(byTi).toContain((await expected('s.component_id = $1', [dsp]))[0]);
      expect(byTi).toEqual(
        await expected(
          `s.component_id IN (SELECT c.id FROM component c
             WHERE c.manufacturer_id = $1 OR c.manufacturer_id = $2)`,
          [ti, oldMaker],
        ),
      );
      // The lineage runs one way: the old maker's shipments are not TI's own parts.
      expect(await listed({ manufacturerId: oldMaker })).toEqual([shipped.id]);
    });

    it('by origin country and by the synthetic flag', async () => {
      const fromUs = await listed({ originCountry: 'us' });
      expect(fromUs.length).toBeGreaterThan(0);
      expect(fromUs).toEqual(await expected(`s.origin_country = 'US'`));
      const real = await listed({ synthetic: false });
      expect(real.length).toBeGreaterThan(0); // recorded by these tests
      expect(real).toEqual(await expected('NOT s.synthetic'));
      const invented = await listed({ synthetic: true });
      expect(invented.length).toBeGreaterThan(0);
      expect(invented).toEqual(await expected('s.synthetic'));
    });

    it('combines filters', async () => {
      expect(
        await listed({ importCountry: 'RU', exporterId: harbourline, from: '2024-01-01' }),
      ).toEqual(
        await expected(
          `s.import_country = 'RU' AND s.exporter_id = $1 AND s.shipped_on >= '2024-01-01'`,
          [harbourline],
        ),
      );
    });

    it.each([
      ['filter.from', { from: '2023-02-30' }],
      ['filter.hsCode', { hsCode: '85' }],
      ['filter.exportCountry', { exportCountry: 'Hong Kong' }],
      ['filter.minValueUsd', { minValueUsd: -1 }],
      ['filter.exporterId', { exporterId: 'harbourline' }],
    ])('refuses a bad %s', async (field, filter) => {
      const res = await t.gql(LIST, { filter });
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([
        { field, messages: [expect.any(String)] },
      ]);
    });
  });

  describe('relations', () => {
    it('shows the shipments of a component, newest first, through pages', async () => {
      const all = await expected('s.component_id = $1', [dsp]);
      const Q = `query($id: ID!, $after: String) { component(id: $id) {
        shipments(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { id component { id } } } } } }`;
      const first = (await ok(Q, { id: dsp })).component.shipments;
      expect(first.totalCount).toBe(all.length);
      expect(first.edges.map((e: any) => e.node.id)).toEqual(all.slice(0, 2));
      expect(first.edges[0].node.component.id).toBe(dsp);
      const second = (await ok(Q, { id: dsp, after: first.pageInfo.endCursor })).component
        .shipments;
      expect(second.edges.map((e: any) => e.node.id)).toEqual(all.slice(2, 4));
    });

    it('loads the shipments of a page of components, with their parties, in two statements', async () => {
      const Q = `query($first: Int) { components(first: $first) { edges { node {
        shipments(first: 3) { edges { node { shippedOn exporter { name } importer { name } } } }
      } } } }`;
      const count = async (first: number) => {
        t.queries.reset();
        await ok(Q, { first });
        return t.queries.count;
      };
      // the key check + the page + one statement for all the shipments + one for all the parties
      expect(await count(60)).toBe(4);
      expect(await count(5)).toBeLessThanOrEqual(4);
    });

    it('answers null parties and part when the record has none', async () => {
      const s = await record({ shippedOn: '2022-01-03', source: 'e2e-bare', sourceRecordId: '1' });
      expect(s).toMatchObject({
        exporter: null,
        importer: null,
        component: null,
        hsCode: null,
        chplTier: null,
        quantity: null,
        valueUsd: null,
      });
    });
  });

  describe('update', () => {
    it('updates, clears with null and bumps the version', async () => {
      const s = await record({
        ...base(),
        sourceRecordId: 'UPD-1',
        componentId: dsp,
        valueUsd: 100,
        quantity: 10,
      });
      const { updateShipment } = await ok(
        UPDATE,
        {
          input: {
            id: s.id,
            expectedVersion: 1,
            valueUsd: 150.75,
            componentId: null,
            importCountry: 'kz',
          },
        },
        AS_INVESTIGATOR,
      );
      expect(updateShipment).toMatchObject({
        valueUsd: 150.75,
        quantity: 10,
        component: null,
        importCountry: 'KZ',
        source: 'e2e-customs',
        sourceRecordId: 'UPD-1',
        version: 2,
      });
      const [audit] = await t.ds.query(
        `SELECT before->>'valueUsd' AS before, after->>'valueUsd' AS after FROM audit_event
          WHERE action = 'shipment.update' AND subject_id = $1`,
        [s.id],
      );
      expect(audit).toEqual({ before: '100.00', after: '150.75' });
    });

    it('answers a stale version with CONFLICT and the current version', async () => {
      const s = await record({ ...base(), sourceRecordId: 'UPD-2' });
      await ok(UPDATE, { input: { id: s.id, expectedVersion: 1, quantity: 5 } }, AS_INVESTIGATOR);
      const stale = await t.gql(
        UPDATE,
        { input: { id: s.id, expectedVersion: 1, quantity: 6 } },
        AS_INVESTIGATOR,
      );
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      const res = await t.gql(
        UPDATE,
        { input: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, quantity: 1 } },
        AS_INVESTIGATOR,
      );
      expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it.each([
      ['shippedOn', { shippedOn: null }],
      ['exporterId', { exporterId: '00000000-0000-4000-8000-000000000000' }],
      ['hsCode', { hsCode: '990000' }],
      ['valueUsd', { valueUsd: -0.01 }],
    ])('refuses a bad %s', async (field, change) => {
      const [{ id }] = await t.ds.query(`SELECT id FROM shipment LIMIT 1`);
      const res = await t.gql(
        UPDATE,
        { input: { id, expectedVersion: 1, ...change } },
        AS_INVESTIGATOR,
      );
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([{ field, messages: expect.any(Array) }]);
    });
  });

  describe('bad input', () => {
    const unknownId = '00000000-0000-4000-8000-000000000000';
    it.each([
      ['shippedOn', { shippedOn: '2023-02-29' }],
      ['shippedOn', { shippedOn: '2999-01-01' }],
      ['shippedOn', { shippedOn: '05/03/2024' }],
      ['exporterId', { exporterId: unknownId }],
      ['importerId', { importerId: 'vostok' }],
      ['componentId', { componentId: unknownId }],
      ['originCountry', { originCountry: 'XX' }],
      ['exportCountry', { exportCountry: 'HKG' }],
      ['importCountry', { importCountry: 'R' }],
      ['hsCode', { hsCode: '85423' }],
      ['hsCode', { hsCode: '990000' }],
      ['hsCode', { hsCode: '000000' }],
      ['quantity', { quantity: -1 }],
      ['quantity', { quantity: 1e18 }],
      ['valueUsd', { valueUsd: -5 }],
      ['source', { source: '  ' }],
      ['source', { source: 'x'.repeat(101) }],
      ['sourceRecordId', { sourceRecordId: 'x'.repeat(201) }],
      ['partNumberRaw', { partNumberRaw: 'x'.repeat(501) }],
    ])('recordShipment refuses a bad %s naming the field', async (field, change) => {
      const input = { ...base(), sourceRecordId: `BAD-${field}`, ...change };
      const res = await t.gql(RECORD, { input }, AS_INVESTIGATOR);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([
        { field, messages: [expect.any(String)] },
      ]);
    });

    it('refuses an archived party', async () => {
      const [org] = await t.ds.query(
        `INSERT INTO organization (name, normalized_name, archived_at) VALUES ('Demo Gone', 'demo gone', now()) RETURNING id`,
      );
      const res = await t.gql(
        RECORD,
        { input: { ...base(), importerId: org.id, sourceRecordId: 'ARCHIVED' } },
        AS_INVESTIGATOR,
      );
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'importerId', messages: [expect.stringMatching(/archived/)] }],
      });
    });

    it('an ANALYST cannot record or update', async () => {
      const res = await t.gql(RECORD, { input: { ...base(), sourceRecordId: 'ANALYST' } });
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const [{ id }] = await t.ds.query(`SELECT id FROM shipment LIMIT 1`);
      const upd = await t.gql(UPDATE, { input: { id, expectedVersion: 1, quantity: 1 } });
      expect(upd.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(await expected(`s.source_record_id = 'ANALYST'`)).toEqual([]);
    });
  });

  it('shows the exporter of a manufacturer’s shipments', async () => {
    const res = await ok(
      `query($id: ID!) { organization(id: $id) { shipmentsOut(first: 1) { edges { node { exporter { id } } } } } }`,
      { id: ti },
    );
    expect(res.organization.shipmentsOut.edges[0].node.exporter.id).toBe(ti);
  });
});
