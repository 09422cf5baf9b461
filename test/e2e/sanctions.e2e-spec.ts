import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type GqlOptions, type TestApp } from './test-app.js';

const FIELDS = `id authority program listedOn delistedOn referenceUrl version createdAt organization { id name }`;
const LIST = `query List($first: Int, $after: String, $filter: SanctionFilter) {
  sanctions(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id authority listedOn delistedOn organization { id } } }
  }
}`;
const ONE = `query One($id: ID!) { sanction(id: $id) { ${FIELDS} } }`;
const ADD = `mutation Add($input: AddSanctionInput!) { addSanction(input: $input) { ${FIELDS} } }`;

const AS_INVESTIGATOR: GqlOptions = { as: Role.INVESTIGATOR };

describe('sanctions (e2e)', () => {
  let t: TestApp;
  let vostok: string;
  let kama: string;
  let creekside: string;

  beforeAll(async () => {
    t = await createTestApp();
    const idOf = async (name: string): Promise<string> =>
      (await t.ds.query('SELECT id FROM organization WHERE name = $1', [name]))[0].id;
    vostok = await idOf('OOO Demo Vostok Komplekt');
    kama = await idOf('AO Demo Kama Avionika');
    creekside = await idOf('Demo Creekside General Trading FZE');
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables?: Record<string, unknown>, options?: GqlOptions) => {
    const res = await t.gql(query, variables, options);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const add = async (input: Record<string, unknown>) =>
    (await ok(ADD, { input }, AS_INVESTIGATOR)).addSanction;
  const ids = async (filter: Record<string, unknown>): Promise<string[]> =>
    (await ok(LIST, { first: 100, filter })).sanctions.edges.map((e: any) => e.node.id);

  let ofac: any;
  let eu: any;
  let delisted: any;

  it('adds a listing, audited, and reads it by id with its organization', async () => {
    ofac = await add({
      organizationId: vostok,
      authority: 'US_OFAC_SDN',
      program: ' RUSSIA-EO14024 ',
      listedOn: '2023-05-19',
      referenceUrl: 'https://ofac.treasury.gov/recent-actions/20230519',
    });
    expect(ofac).toMatchObject({
      authority: 'US_OFAC_SDN',
      program: 'RUSSIA-EO14024',
      listedOn: '2023-05-19',
      delistedOn: null,
      version: 1,
      organization: { id: vostok, name: 'OOO Demo Vostok Komplekt' },
    });
    const { sanction } = await ok(ONE, { id: ofac.id });
    expect(sanction).toEqual(ofac);
    const [audit] = await t.ds.query(
      `SELECT action, after->>'authority' AS authority FROM audit_event WHERE subject_id = $1`,
      [ofac.id],
    );
    expect(audit).toEqual({ action: 'sanction.add', authority: 'US_OFAC_SDN' });
    eu = await add({ organizationId: kama, authority: 'EU', listedOn: '2024-02-23' });
    delisted = await add({
      organizationId: creekside,
      authority: 'UK',
      listedOn: '2023-01-10',
      delistedOn: '2023-11-30',
    });
  });

  it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    expect((await ok(ONE, { id: '00000000-0000-4000-8000-000000000000' })).sanction).toBeNull();
    const res = await t.gql(ONE, { id: 'EU' });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lists newest listing first, through pages', async () => {
    const all = await ids({});
    expect(all).toEqual([eu.id, ofac.id, delisted.id]);
    const page1 = (await ok(LIST, { first: 2 })).sanctions;
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok(LIST, { first: 2, after: page1.pageInfo.endCursor })).sanctions;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([delisted.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by organization and authority', async () => {
    expect(await ids({ organizationId: vostok })).toEqual([ofac.id]);
    expect(await ids({ authority: 'EU' })).toEqual([eu.id]);
    expect(await ids({ organizationId: vostok, authority: 'EU' })).toEqual([]);
  });

  it('filters the listings in force on a day', async () => {
    // listed on or before the day, and not delisted by then
    expect(await ids({ activeOn: '2023-06-01' })).toEqual([ofac.id, delisted.id]);
    expect(await ids({ activeOn: '2023-11-30' })).toEqual([ofac.id]);
    expect(await ids({ activeOn: '2023-05-19' })).toEqual([ofac.id, delisted.id]);
    expect(await ids({ activeOn: '2022-12-31' })).toEqual([]);
    expect(await ids({ activeOn: '2024-03-01' })).toEqual([eu.id, ofac.id]);
  });

  it('shows the listings on the organization and in its sanctioned filter', async () => {
    const res = await ok(
      `query($id: ID!) { organization(id: $id) { sanctions { totalCount edges { node { id } } } } }`,
      { id: creekside },
    );
    expect(res.organization.sanctions).toEqual({
      totalCount: 1,
      edges: [{ node: { id: delisted.id } }],
    });
    const listed = await ok(
      `{ organizations(first: 100, filter: { sanctioned: true }) { edges { node { id } } } }`,
    );
    const listedIds = listed.organizations.edges.map((e: any) => e.node.id);
    expect(listedIds).toEqual(expect.arrayContaining([vostok, kama]));
    expect(listedIds).not.toContain(creekside);
  });

  it('answers the same listing twice with CONFLICT', async () => {
    const res = await t.gql(
      ADD,
      {
        input: {
          organizationId: vostok,
          authority: 'US_OFAC_SDN',
          program: 'RUSSIA-EO14024',
          listedOn: '2023-05-19',
        },
      },
      AS_INVESTIGATOR,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', existingId: ofac.id });
  });

  it.each([
    ['organizationId', { organizationId: 'vostok' }],
    ['organizationId', { organizationId: '00000000-0000-4000-8000-000000000000' }],
    ['listedOn', { listedOn: '2023-13-01' }],
    ['listedOn', { listedOn: '2999-01-01' }],
    ['delistedOn', { delistedOn: '19.05.2023' }],
    ['delistedOn', { delistedOn: '2023-01-01' }],
    ['program', { program: '   ' }],
    ['referenceUrl', { referenceUrl: 'ofac listing' }],
  ])('refuses a bad %s naming the field', async (field, change) => {
    const input = {
      organizationId: kama,
      authority: 'UA',
      listedOn: '2023-02-01',
      ...change,
    };
    const res = await t.gql(ADD, { input }, AS_INVESTIGATOR);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual([{ field, messages: expect.any(Array) }]);
  });

  it('refuses an unknown authority', async () => {
    const res = await t.gql(
      ADD,
      { input: { organizationId: kama, authority: 'US-OFAC-SDN', listedOn: '2023-02-01' } },
      AS_INVESTIGATOR,
    );
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a listing of an archived organization', async () => {
    const [org] = await t.ds.query(
      `INSERT INTO organization (name, normalized_name, archived_at) VALUES ('Demo Gone', 'demo gone', now()) RETURNING id`,
    );
    const res = await t.gql(
      ADD,
      { input: { organizationId: org.id, authority: 'JP', listedOn: '2023-02-01' } },
      AS_INVESTIGATOR,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'organizationId', messages: [expect.stringMatching(/archived/)] }],
    });
  });

  it('refuses a bad activeOn filter naming the field', async () => {
    const res = await t.gql(LIST, { filter: { activeOn: 'yesterday' } });
    expect(res.errors?.[0].extensions.fields).toEqual([
      { field: 'filter.activeOn', messages: [expect.any(String)] },
    ]);
  });

  it('an ANALYST cannot add a listing', async () => {
    const res = await t.gql(ADD, {
      input: { organizationId: kama, authority: 'CA', listedOn: '2023-02-01' },
    });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await ids({ authority: 'CA' })).toEqual([]);
  });
});
