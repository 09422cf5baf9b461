import { createTestApp, type TestApp } from './test-app.js';

const PAGE = `query Page($first: Int, $after: String, $filter: ComponentFilter) {
  components(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id partNumber normalizedPartNumber category hsCode manufacturer { name country } } }
  }
}`;

describe('components (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers the quickstart query with the public parts and their makers', async () => {
    const res = await t.gql(
      '{ components(first: 5) { totalCount edges { node { partNumber manufacturer { name country } } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.components.totalCount).toBeGreaterThanOrEqual(50);
    expect(res.data.components.edges).toHaveLength(5);
    for (const { node } of res.data.components.edges)
      expect(node.manufacturer.name).toEqual(expect.any(String));
  });

  it('pages through every component with no gaps or duplicates', async () => {
    const [{ count }] = await t.ds.query(
      'SELECT count(*)::int AS count FROM component WHERE archived_at IS NULL',
    );
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await t.gql(PAGE, { first: 7, after });
      expect(res.errors).toBeUndefined();
      const conn = res.data.components;
      expect(conn.totalCount).toBe(count);
      seen.push(...conn.edges.map((e: any) => e.node.id));
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
    expect(pages).toBe(Math.ceil(count / 7));
  });

  it('orders by normalized part number', async () => {
    const res = await t.gql(PAGE, { first: 100 });
    const keys = res.data.components.edges.map((e: any) => e.node.normalizedPartNumber);
    expect(keys).toEqual([...keys].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('finds a part by a spaced, lower-case search', async () => {
    const res = await t.gql(PAGE, { filter: { search: 'tms320 f28335' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.components.edges.map((e: any) => e.node.partNumber)).toContain(
      'TMS320F28335PGFA',
    );
    expect(res.data.components.edges[0].node.manufacturer).toEqual({
      name: 'Texas Instruments',
      country: 'US',
    });
  });

  it('filters by manufacturer and category', async () => {
    const [{ id }] = await t.ds.query(`SELECT id FROM organization WHERE name = 'u-blox'`);
    const res = await t.gql(PAGE, { filter: { manufacturerId: id, category: 'GNSS' } });
    const nodes = res.data.components.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n: any) => n.manufacturer.name === 'u-blox' && n.category === 'GNSS')).toBe(
      true,
    );
  });

  it('answers a bad cursor with BAD_USER_INPUT', async () => {
    const res = await t.gql(PAGE, { after: 'not-a-cursor' });
    expect(res.status).toBe(200);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/cursor/i);
  });

  it('answers a well-formed cursor with values of the wrong type with BAD_USER_INPUT, not a 500', async () => {
    const forged = Buffer.from(JSON.stringify(['TMS320', 'not-a-uuid'])).toString('base64url');
    const res = await t.gql(PAGE, { after: forged });
    expect(res.status).toBe(200);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).not.toMatch(/uuid|SELECT/);
  });

  it('refuses a cursor of another order or another list instead of answering an empty page', async () => {
    const ORDERED = `query ($after: String, $orderBy: ComponentOrder) {
      components(first: 2, after: $after, orderBy: $orderBy) { edges { node { id } } pageInfo { endCursor } }
    }`;
    const byPart = (await t.gql(ORDERED, { orderBy: 'PART_NUMBER' })).data.components.pageInfo
      .endCursor;
    const res = await t.gql(ORDERED, { orderBy: 'NEWEST', after: byPart });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/component\.partNumber, not component\.newest/);

    const shipmentCursor = (await t.gql('{ shipments(first: 1) { pageInfo { endCursor } } }')).data
      .shipments.pageInfo.endCursor;
    const crossList = await t.gql(ORDERED, { orderBy: 'NEWEST', after: shipmentCursor });
    expect(crossList.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    // The same order's cursor still pages on, in a nested list too.
    const next = await t.gql(ORDERED, { orderBy: 'PART_NUMBER', after: byPart });
    expect(next.errors).toBeUndefined();
    expect(next.data.components.edges).toHaveLength(2);
  });

  it.each([101, 0, -1])('refuses first: %i with BAD_USER_INPUT naming the field', async (first) => {
    const res = await t.gql(PAGE, { first });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual([
      { field: 'first', messages: [expect.any(String)] },
    ]);
  });

  it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await t.gql('{ component(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.component).toBeNull();
    const malformed = await t.gql('{ component(id: "42") { id } }');
    expect(malformed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('reads one component with its manufacturer', async () => {
    const [{ id }] = await t.ds.query(
      `SELECT id FROM component WHERE normalized_part_number = 'ADXL357B'`,
    );
    const res = await t.gql(
      `query($id: ID!) { component(id: $id) { partNumber manufacturer { name } } }`,
      { id },
    );
    expect(res.data.component).toEqual({
      partNumber: 'ADXL357B',
      manufacturer: { name: 'Analog Devices' },
    });
  });

  it('loads a page of 100 with their manufacturers in as many statements as a page of 10', async () => {
    const count = async (first: number) => {
      t.queries.reset();
      const res = await t.gql(PAGE, { first });
      expect(res.errors).toBeUndefined();
      return t.queries.count;
    };
    const for10 = await count(10);
    const for100 = await count(100);
    // the key check + page + total + one batched manufacturer look-up
    expect(for100).toBe(4);
    expect(for10).toBe(for100);
  });

  it('does not count when totalCount is not asked for', async () => {
    t.queries.reset();
    await t.gql('{ components(first: 10) { edges { node { id } } } }');
    expect(t.queries.count).toBe(2); // the key check + the page
  });
});
