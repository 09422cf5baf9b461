import { createTestApp, type TestApp } from './test-app.js';

describe('reference data (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the CHPL codes by tier and finds one by code', async () => {
    const tier1 = await t.gql(
      '{ hsCodes(filter: { chplTier: TIER_1 }, first: 100) { totalCount edges { node { code chplTier } } } }',
    );
    expect(tier1.data.hsCodes.edges.map((e: any) => e.node.code)).toEqual([
      '854231',
      '854232',
      '854233',
      '854239',
    ]);
    const onChpl = await t.gql('{ hsCodes(filter: { onChpl: true }) { totalCount } }');
    expect(onChpl.data.hsCodes.totalCount).toBe(50);
    const one = await t.gql('{ hsCode(code: "8542.31") { code description chplTier } }');
    expect(one.data.hsCode).toMatchObject({ code: '854231', chplTier: 'TIER_1' });
    const prefix = await t.gql(
      '{ hsCodes(filter: { search: "8541" }, first: 100) { edges { node { code } } } }',
    );
    expect(prefix.data.hsCodes.edges.every((e: any) => e.node.code.startsWith('8541'))).toBe(true);
    expect((await t.gql('{ hsCode(code: "000000") { code } }')).data.hsCode).toBeNull();
  });

  it('lists countries by risk group and pages through all of them', async () => {
    const hubs = await t.gql(
      '{ countries(filter: { riskGroup: TRANSSHIPMENT }, first: 100) { totalCount edges { node { code } } } }',
    );
    expect(hubs.data.countries.edges.map((e: any) => e.node.code)).toEqual(
      expect.arrayContaining(['HK', 'TR', 'AE', 'KZ']),
    );
    const concern = await t.gql(
      '{ countries(filter: { riskGroup: DESTINATION_OF_CONCERN }) { edges { node { code } } } }',
    );
    expect(concern.data.countries.edges.map((e: any) => e.node.code)).toEqual([
      'BY',
      'IR',
      'KP',
      'RU',
    ]);
    let after: string | null = null;
    let seen = 0;
    do {
      const page: any = await t.gql(
        'query($after: String) { countries(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { code } } } }',
        { after },
      );
      seen += page.data.countries.edges.length;
      after = page.data.countries.pageInfo.hasNextPage
        ? page.data.countries.pageInfo.endCursor
        : null;
    } while (after);
    expect(seen).toBe(249);
    expect(
      (await t.gql('{ country(code: "hk") { name riskGroup riskBasis } }')).data.country,
    ).toMatchObject({
      name: 'Hong Kong SAR China',
      riskGroup: 'TRANSSHIPMENT',
    });
  });
});
