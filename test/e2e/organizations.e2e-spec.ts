import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type GqlOptions, type TestApp } from './test-app.js';

const FIELDS = `id name normalizedName aliases country roles registrationIds address website
  incorporatedOn synthetic version archivedAt createdAt parent { id } successor { id }`;

const LIST = `query List($first: Int, $after: String, $filter: OrganizationFilter, $orderBy: OrganizationOrder) {
  organizations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name country roles archivedAt } }
  }
}`;
const ONE = `query One($id: ID!) { organization(id: $id) { ${FIELDS} } }`;
const CREATE = `mutation Create($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation Update($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation Archive($input: ArchiveOrganizationInput!) { archiveOrganization(input: $input) { id version archivedAt } }`;
const MERGE = `mutation Merge($input: MergeOrganizationsInput!) { mergeOrganizations(input: $input) { ${FIELDS} } }`;

const AS_INVESTIGATOR: GqlOptions = { as: Role.INVESTIGATOR };

describe('organizations (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Runs a query that must succeed and answers its data. */
  const ok = async (query: string, variables?: Record<string, unknown>, options?: GqlOptions) => {
    const res = await t.gql(query, variables, options);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const create = async (input: Record<string, unknown>) =>
    (await ok(CREATE, { input }, AS_INVESTIGATOR)).createOrganization;
  const idOf = async (name: string): Promise<string> =>
    (await t.ds.query('SELECT id FROM organization WHERE name = $1', [name]))[0].id;
  const names = async (filter: Record<string, unknown>, orderBy?: string): Promise<string[]> =>
    (await ok(LIST, { first: 100, filter, orderBy })).organizations.edges.map(
      (e: any) => e.node.name,
    );
  const addSanction = async (organizationId: string, delistedOn: string | null = null) =>
    t.ds.query(
      `INSERT INTO sanction (organization_id, authority, listed_on, delisted_on) VALUES ($1, 'US_BIS_ENTITY', '2023-06-01', $2) RETURNING id`,
      [organizationId, delistedOn],
    );

  describe('create and read', () => {
    it('creates an organization with every field, normalized and audited', async () => {
      const parentId = await idOf('Texas Instruments');
      const org = await create({
        name: '  Demo Test Rosa Komponent OOO ',
        aliases: [' ООО «Демо Роза Компонент» ', 'Rosa Komp'],
        country: 'ru',
        roles: ['IMPORTER', 'TRADER'],
        registrationIds: { ru_inn: ' 7701234567 ', ru_ogrn: '1027700132195' },
        address: 'Moscow (fictional)',
        website: 'https://rosa.example',
        incorporatedOn: '2022-04-01',
        parentId,
      });
      expect(org).toMatchObject({
        name: 'Demo Test Rosa Komponent OOO',
        normalizedName: 'demo test rosa komponent',
        aliases: ['ООО «Демо Роза Компонент»', 'Rosa Komp'],
        country: 'RU',
        roles: ['IMPORTER', 'TRADER'],
        registrationIds: { ru_inn: '7701234567', ru_ogrn: '1027700132195' },
        address: 'Moscow (fictional)',
        website: 'https://rosa.example',
        incorporatedOn: '2022-04-01',
        synthetic: false,
        version: 1,
        archivedAt: null,
        parent: { id: parentId },
        successor: null,
      });
      const [audit] = await t.ds.query(
        `SELECT action, after->>'name' AS name FROM audit_event WHERE subject_id = $1`,
        [org.id],
      );
      expect(audit).toEqual({ action: 'organization.create', name: org.name });
    });

    it('reads one by id; null for an unknown id, BAD_USER_INPUT for a malformed one', async () => {
      const id = await idOf('Demo Harbourline Trading Limited');
      const { organization } = await ok(ONE, { id });
      expect(organization).toMatchObject({ id, name: 'Demo Harbourline Trading Limited' });
      expect(organization.registrationIds).toEqual({});
      const unknown = await ok(ONE, { id: '00000000-0000-4000-8000-000000000000' });
      expect(unknown.organization).toBeNull();
      const malformed = await t.gql(ONE, { id: 'harbourline' });
      expect(malformed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('lists by name and pages through every live organization with no gaps or duplicates', async () => {
      const [{ count }] = await t.ds.query(
        'SELECT count(*)::int AS count FROM organization WHERE archived_at IS NULL',
      );
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const { organizations } = await ok(LIST, { first: 9, after });
        expect(organizations.totalCount).toBe(count);
        seen.push(...organizations.edges.map((e: any) => e.node.name));
        after = organizations.pageInfo.hasNextPage ? organizations.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toHaveLength(count);
      const sorted: string[] = (
        await t.ds.query(
          'SELECT name FROM organization WHERE archived_at IS NULL ORDER BY name, id',
        )
      ).map((r: { name: string }) => r.name);
      expect(seen).toEqual(sorted);
    });

    it('lists newest first with orderBy: NEWEST, through pages', async () => {
      const first = await create({ name: 'Demo Newest One' });
      const second = await create({ name: 'Demo Newest Two' });
      const page1 = (await ok(LIST, { first: 1, orderBy: 'NEWEST' })).organizations;
      expect(page1.edges[0].node.id).toBe(second.id);
      const page2 = (
        await ok(LIST, { first: 1, orderBy: 'NEWEST', after: page1.pageInfo.endCursor })
      ).organizations;
      expect(page2.edges[0].node.id).toBe(first.id);
    });

    it('refuses a cursor of another order as BAD_USER_INPUT, not a database error', async () => {
      const byName = (await ok(LIST, { first: 1 })).organizations.pageInfo.endCursor;
      const res = await t.gql(LIST, { first: 1, orderBy: 'NEWEST', after: byName });
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('filters', () => {
    it('search matches a part of the name, in any case', async () => {
      expect(await names({ search: 'HARBOURLINE' })).toEqual(['Demo Harbourline Trading Limited']);
    });

    it('search matches an alias in another script', async () => {
      expect(await names({ search: 'восток' })).toEqual(['OOO Demo Vostok Komplekt']);
    });

    it('search ignores accents on both sides', async () => {
      expect(await names({ search: 'elektronik ticaret a.s' })).toEqual([
        'Demo Bosphorus Elektronik Ticaret A.Ş.',
      ]);
      expect(await names({ search: 'TİCARET A.Ş' })).toContain(
        'Demo Bosphorus Elektronik Ticaret A.Ş.',
      );
    });

    it('search finds a close spelling', async () => {
      expect(await names({ search: 'Harborline Trading' })).toContain(
        'Demo Harbourline Trading Limited',
      );
    });

    it('search is served by the trigram index on name and aliases', async () => {
      await t.ds.transaction(async (em) => {
        await em.query('SET LOCAL enable_seqscan = off');
        const plan: { 'QUERY PLAN': string }[] = await em.query(
          `EXPLAIN SELECT id FROM organization o
            WHERE organization_search_text(o.name, o.aliases) LIKE '%' || organization_search_key($1) || '%'
               OR organization_search_key($2) <% organization_search_text(o.name, o.aliases)`,
          ['vostok', 'vostok'],
        );
        expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toContain(
          'idx_organization_search_trgm',
        );
      });
    });

    it('search treats % and _ as plain characters', async () => {
      expect(await names({ search: '%' })).toEqual([]);
    });

    it('filters by country and role', async () => {
      const hk = await names({ country: 'hk' });
      expect(hk.length).toBeGreaterThanOrEqual(2);
      const rows = await t.ds.query(
        `SELECT name FROM organization WHERE country = 'HK' AND archived_at IS NULL`,
      );
      expect(hk.sort()).toEqual(rows.map((r: { name: string }) => r.name).sort());
      const importers = (await ok(LIST, { first: 100, filter: { role: 'IMPORTER' } }))
        .organizations;
      expect(importers.totalCount).toBeGreaterThanOrEqual(4);
      expect(importers.edges.every((e: any) => e.node.roles.includes('IMPORTER'))).toBe(true);
    });

    it('filters by the risk group of the country', async () => {
      const { organizations } = await ok(LIST, {
        first: 100,
        filter: { countryRiskGroup: 'DESTINATION_OF_CONCERN' },
      });
      const countries = new Set(organizations.edges.map((e: any) => e.node.country));
      expect([...countries].sort()).toEqual(expect.arrayContaining(['IR', 'RU']));
      for (const c of countries) expect(['RU', 'BY', 'IR', 'KP']).toContain(c);
    });

    it('sanctioned: true is an organization with a listing not delisted', async () => {
      const listed = await create({ name: 'Demo Listed Trader' });
      const delisted = await create({ name: 'Demo Delisted Trader' });
      await addSanction(listed.id);
      await addSanction(delisted.id, '2024-01-10');
      const yes = await names({ sanctioned: true });
      expect(yes).toContain('Demo Listed Trader');
      expect(yes).not.toContain('Demo Delisted Trader');
      const no = await names({ sanctioned: false });
      expect(no).toContain('Demo Delisted Trader');
      expect(no).not.toContain('Demo Listed Trader');
    });

    it('combines filters', async () => {
      expect(await names({ country: 'RU', role: 'END_USER', search: 'kama' })).toEqual([
        'AO Demo Kama Avionika',
      ]);
    });

    it('refuses a malformed country filter naming the field', async () => {
      const res = await t.gql(LIST, { filter: { country: 'Russia' } });
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([
        { field: 'filter.country', messages: [expect.any(String)] },
      ]);
    });
  });

  describe('relations', () => {
    it('shows components, sanctions, shipments out and in', async () => {
      const ti = await idOf('Texas Instruments');
      const harbourline = await idOf('Demo Harbourline Trading Limited');
      await addSanction(harbourline);
      const REL = `query($id: ID!) { organization(id: $id) {
        components(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { partNumber manufacturer { id } } } }
        sanctions { totalCount edges { node { authority listedOn organization { id } } } }
        shipmentsOut(first: 50) { totalCount edges { node { shippedOn exporter { id } } } }
        shipmentsIn(first: 50) { totalCount edges { node { shippedOn importer { id } } } }
      } }`;
      const tiData = (await ok(REL, { id: ti })).organization;
      const [{ parts }] = await t.ds.query(
        'SELECT count(*)::int AS parts FROM component WHERE manufacturer_id = $1 AND archived_at IS NULL',
        [ti],
      );
      expect(tiData.components.totalCount).toBe(parts);
      expect(tiData.components.edges).toHaveLength(2);
      expect(tiData.components.edges[0].node.manufacturer.id).toBe(ti);
      const next = await ok(
        `query($id: ID!, $after: String) { organization(id: $id) { components(first: 100, after: $after) { edges { node { partNumber } } } } }`,
        { id: ti, after: tiData.components.pageInfo.endCursor },
      );
      expect(next.organization.components.edges).toHaveLength(parts - 2);

      const hl = (await ok(REL, { id: harbourline })).organization;
      expect(hl.sanctions.totalCount).toBe(1);
      expect(hl.sanctions.edges[0].node).toEqual({
        authority: 'US_BIS_ENTITY',
        listedOn: '2023-06-01',
        organization: { id: harbourline },
      });
      const [{ out, inbound }] = await t.ds.query(
        `SELECT count(*) FILTER (WHERE exporter_id = $1)::int AS out,
                count(*) FILTER (WHERE importer_id = $1)::int AS inbound FROM shipment`,
        [harbourline],
      );
      expect(out).toBeGreaterThan(0);
      expect(inbound).toBeGreaterThan(0);
      expect(hl.shipmentsOut.totalCount).toBe(out);
      expect(hl.shipmentsIn.totalCount).toBe(inbound);
      expect(hl.shipmentsOut.edges.every((e: any) => e.node.exporter.id === harbourline)).toBe(
        true,
      );
      const dates = hl.shipmentsIn.edges.map((e: any) => e.node.shippedOn);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('shows parent and successor', async () => {
      const [row] = await t.ds.query(
        `SELECT id, successor_id FROM organization WHERE successor_id IS NOT NULL LIMIT 1`,
      );
      const { organization } = await ok(ONE, { id: row.id });
      expect(organization.successor).toEqual({ id: row.successor_id });
    });

    it('loads a page of 100 with components and sanctions in as many statements as a page of 10', async () => {
      const PAGE = `query($first: Int) { organizations(first: $first) { edges { node {
        name
        components(first: 5) { edges { node { partNumber } } }
        sanctions { edges { node { authority listedOn } } }
      } } } }`;
      const count = async (first: number) => {
        t.queries.reset();
        const res = await t.gql(PAGE, { first });
        expect(res.errors).toBeUndefined();
        expect(res.data.organizations.edges.length).toBe(
          Math.min(first, res.data.organizations.edges.length),
        );
        return t.queries.count;
      };
      const [{ live }] = await t.ds.query(
        'SELECT count(*)::int AS live FROM organization WHERE archived_at IS NULL',
      );
      expect(live).toBeGreaterThan(10);
      const for10 = await count(10);
      const for100 = await count(100);
      // the key check + the page + one statement for the components + one for the sanctions
      expect(for100).toBe(4);
      expect(for10).toBe(for100);
    });

    it('refuses a nested page size over 100 and a foreign cursor with BAD_USER_INPUT', async () => {
      const ti = await idOf('Texas Instruments');
      const big = await t.gql(
        `query($id: ID!) { organization(id: $id) { components(first: 101) { totalCount } } }`,
        { id: ti },
      );
      expect(big.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const foreign = await t.gql(
        `query($id: ID!, $after: String) { organization(id: $id) { sanctions(after: $after) { totalCount } } }`,
        { id: ti, after: Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url') },
      );
      expect(foreign.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('update and archive', () => {
    it('updates, recomputes the normalized name, clears with null and bumps the version', async () => {
      const org = await create({ name: 'Demo Update Me Ltd', address: 'Somewhere', country: 'HK' });
      const { updateOrganization } = await ok(
        UPDATE,
        {
          input: {
            id: org.id,
            expectedVersion: 1,
            name: 'Demo Updated GmbH',
            address: null,
            roles: ['DISTRIBUTOR'],
            registrationIds: { hk_cr: '1234567' },
          },
        },
        AS_INVESTIGATOR,
      );
      expect(updateOrganization).toMatchObject({
        name: 'Demo Updated GmbH',
        normalizedName: 'demo updated',
        address: null,
        country: 'HK',
        roles: ['DISTRIBUTOR'],
        registrationIds: { hk_cr: '1234567' },
        version: 2,
      });
      const [audit] = await t.ds.query(
        `SELECT before->>'name' AS before, after->>'name' AS after FROM audit_event
          WHERE action = 'organization.update' AND subject_id = $1`,
        [org.id],
      );
      expect(audit).toEqual({ before: 'Demo Update Me Ltd', after: 'Demo Updated GmbH' });
    });

    it('answers a stale version with CONFLICT and the current version', async () => {
      const org = await create({ name: 'Demo Stale Ltd' });
      await ok(
        UPDATE,
        { input: { id: org.id, expectedVersion: 1, website: 'https://a.example' } },
        AS_INVESTIGATOR,
      );
      const stale = await t.gql(
        UPDATE,
        { input: { id: org.id, expectedVersion: 1, website: 'https://b.example' } },
        AS_INVESTIGATOR,
      );
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const [{ website }] = await t.ds.query('SELECT website FROM organization WHERE id = $1', [
        org.id,
      ]);
      expect(website).toBe('https://a.example');
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      const res = await t.gql(
        UPDATE,
        { input: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, name: 'x' } },
        AS_INVESTIGATOR,
      );
      expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it('refuses a parent that is itself or that would make a loop', async () => {
      const a = await create({ name: 'Demo Loop A' });
      const b = await create({ name: 'Demo Loop B', parentId: a.id });
      const self = await t.gql(
        UPDATE,
        { input: { id: a.id, expectedVersion: 1, parentId: a.id } },
        AS_INVESTIGATOR,
      );
      expect(self.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'parentId', messages: [expect.any(String)] }],
      });
      const loop = await t.gql(
        UPDATE,
        { input: { id: a.id, expectedVersion: 1, parentId: b.id } },
        AS_INVESTIGATOR,
      );
      expect(loop.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'parentId', messages: [expect.any(String)] }],
      });
    });

    it('archives: gone from the default list, still readable by id and with includeArchived', async () => {
      const org = await create({ name: 'Demo Archive Me Trading' });
      const { archiveOrganization } = await ok(
        ARCHIVE,
        { input: { id: org.id, expectedVersion: 1 } },
        AS_INVESTIGATOR,
      );
      expect(archiveOrganization.archivedAt).toEqual(expect.any(String));
      expect(archiveOrganization.version).toBe(2);
      expect(await names({ search: 'Archive Me' })).toEqual([]);
      expect(await names({ search: 'Archive Me', includeArchived: true })).toEqual([
        'Demo Archive Me Trading',
      ]);
      const { organization } = await ok(ONE, { id: org.id });
      expect(organization.archivedAt).toBe(archiveOrganization.archivedAt);
      const stale = await t.gql(
        ARCHIVE,
        { input: { id: org.id, expectedVersion: 1 } },
        AS_INVESTIGATOR,
      );
      expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
    });

    it('refuses an archived organization as a parent', async () => {
      const archived = await create({ name: 'Demo Archived Parent' });
      await ok(ARCHIVE, { input: { id: archived.id, expectedVersion: 1 } }, AS_INVESTIGATOR);
      const res = await t.gql(
        CREATE,
        { input: { name: 'Demo Child', parentId: archived.id } },
        AS_INVESTIGATOR,
      );
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'parentId', messages: [expect.stringMatching(/archived/)] }],
      });
    });
  });

  describe('merge', () => {
    it('moves every reference to the kept organization and archives the duplicate', async () => {
      const [weapon] = await t.ds.query('SELECT id FROM weapon_system LIMIT 1');
      const keep = await create({
        name: 'Demo Merge Keep Electronics',
        country: 'HK',
        roles: ['DISTRIBUTOR'],
        registrationIds: { hk_cr: '111' },
      });
      const dup = await create({
        name: 'Demo Merge Keep Electronics Co., Limited',
        aliases: ['德莫电子'],
        roles: ['TRADER'],
        registrationIds: { hk_cr: '999', hk_br: '222' },
        website: 'https://merge.example',
      });
      const child = await create({ name: 'Demo Merge Child', parentId: dup.id });
      const component = (name: string, manufacturer: string) =>
        t.ds
          .query(
            `INSERT INTO component (manufacturer_id, part_number, normalized_part_number) VALUES ($1, $2, $2) RETURNING id`,
            [manufacturer, name],
          )
          .then((r: { id: string }[]) => r[0].id);
      const keptTwin = await component('DMX100', keep.id);
      const dupTwin = await component('DMX100', dup.id);
      const dupOnly = await component('DMX200', dup.id);
      await t.ds.query(
        `INSERT INTO component_finding (component_id, weapon_system_id) VALUES ($1, $2), ($1, $2), ($3, $2)`,
        [dupTwin, weapon.id, dupOnly],
      );
      const [s1] = await t.ds.query(
        `INSERT INTO shipment (shipped_on, exporter_id, importer_id, component_id, source, source_record_id)
         VALUES ('2023-05-01', $1, $2, $3, 'merge-test', '1') RETURNING id`,
        [dup.id, await idOf('OOO Demo Vostok Komplekt'), dupTwin],
      );
      await t.ds.query(
        `INSERT INTO shipment (shipped_on, exporter_id, importer_id, source, source_record_id)
         VALUES ('2023-04-01', $1, $2, 'merge-test', '2')`,
        [await idOf('Demo Pearl River Microelectronics Co., Ltd.'), dup.id],
      );
      await addSanction(dup.id);
      const [route] = await t.ds.query(
        `INSERT INTO route (identity_hash, party_path, component_id, source)
         VALUES (repeat('a', 64), ARRAY[$1, $2]::uuid[], $3, 'MANUAL') RETURNING id`,
        [dup.id, await idOf('OOO Demo Vostok Komplekt'), dupTwin],
      );
      await t.ds.query(
        `INSERT INTO route_leg (route_id, shipment_id, position) VALUES ($1, $2, 0)`,
        [route.id, s1.id],
      );
      const [evidence] = await t.ds.query(
        `INSERT INTO evidence (title) VALUES ('merge test') RETURNING id`,
      );
      await t.ds.query(
        `INSERT INTO evidence_link (evidence_id, subject_type, subject_id) VALUES ($1, 'ORGANIZATION', $2), ($1, 'COMPONENT', $3)`,
        [evidence.id, dup.id, dupTwin],
      );

      const { mergeOrganizations: kept } = await ok(
        MERGE,
        { input: { keepId: keep.id, duplicateId: dup.id } },
        { as: Role.ADMIN },
      );

      expect(kept).toMatchObject({
        id: keep.id,
        name: 'Demo Merge Keep Electronics',
        aliases: ['Demo Merge Keep Electronics Co., Limited', '德莫电子'],
        country: 'HK',
        roles: ['DISTRIBUTOR', 'TRADER'],
        registrationIds: { hk_cr: '111', hk_br: '222' },
        website: 'https://merge.example',
        version: 2,
        archivedAt: null,
      });
      const count = async (sql: string, params: unknown[]) =>
        (await t.ds.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
      // nothing points at the duplicate any more
      expect(
        await count('component WHERE manufacturer_id = $1 AND archived_at IS NULL', [dup.id]),
      ).toBe(0);
      expect(await count('shipment WHERE exporter_id = $1 OR importer_id = $1', [dup.id])).toBe(0);
      expect(await count('sanction WHERE organization_id = $1', [dup.id])).toBe(0);
      expect(await count('organization WHERE parent_id = $1 OR successor_id = $1', [dup.id])).toBe(
        0,
      );
      expect(await count('route WHERE $1 = ANY(party_path)', [dup.id])).toBe(0);
      expect(await count(`evidence_link WHERE subject_id = $1`, [dup.id])).toBe(0);
      // ... it points at the kept one
      expect(await count('component WHERE manufacturer_id = $1', [keep.id])).toBe(2);
      expect(await count('shipment WHERE exporter_id = $1 OR importer_id = $1', [keep.id])).toBe(2);
      expect(await count('sanction WHERE organization_id = $1', [keep.id])).toBe(1);
      expect(
        (await t.ds.query('SELECT parent_id FROM organization WHERE id = $1', [child.id]))[0]
          .parent_id,
      ).toBe(keep.id);
      expect(
        (
          await t.ds.query('SELECT party_path, component_id FROM route WHERE id = $1', [route.id])
        )[0],
      ).toEqual({
        party_path: [keep.id, await idOf('OOO Demo Vostok Komplekt')],
        component_id: keptTwin,
      });
      expect(
        await count(`evidence_link WHERE subject_type = 'ORGANIZATION' AND subject_id = $1`, [
          keep.id,
        ]),
      ).toBe(1);
      // the twin part: its findings, shipments, routes and evidence moved, and it is archived
      expect(await count('component_finding WHERE component_id = $1', [keptTwin])).toBe(2);
      expect(await count('component_finding WHERE component_id = $1', [dupTwin])).toBe(0);
      expect(await count('shipment WHERE component_id = $1', [keptTwin])).toBe(1);
      expect(
        await count(`evidence_link WHERE subject_type = 'COMPONENT' AND subject_id = $1`, [
          keptTwin,
        ]),
      ).toBe(1);
      const [twin] = await t.ds.query('SELECT archived_at FROM component WHERE id = $1', [dupTwin]);
      expect(twin.archived_at).not.toBeNull();
      const [moved] = await t.ds.query(
        'SELECT manufacturer_id, archived_at, version FROM component WHERE id = $1',
        [dupOnly],
      );
      expect(moved).toEqual({ manufacturer_id: keep.id, archived_at: null, version: 2 });
      expect(await count('component_finding WHERE component_id = $1', [dupOnly])).toBe(1);
      // the duplicate: archived, readable by id, out of the list
      const { organization } = await ok(ONE, { id: dup.id });
      expect(organization.archivedAt).toEqual(expect.any(String));
      expect(await names({ search: 'Merge Keep' })).toEqual(['Demo Merge Keep Electronics']);
      // one audit event, with both sides before and after
      const events = await t.ds.query(
        `SELECT action, before, after FROM audit_event WHERE action = 'organization.merge' AND subject_id = $1`,
        [keep.id],
      );
      expect(events).toHaveLength(1);
      expect(events[0].before.keep.id).toBe(keep.id);
      expect(events[0].before.duplicate.archivedAt).toBeNull();
      expect(events[0].after.duplicate.archivedAt).toEqual(expect.any(String));
      expect(events[0].after.moved).toEqual({
        componentsMoved: 1,
        componentsMergedInto: { [dupTwin]: keptTwin },
        findings: 2,
        componentShipments: 1,
        componentRoutes: 1,
        componentEvidenceLinks: 1,
        shipments: 2,
        sanctions: 1,
        sanctionsMergedInto: {},
        sanctionEvidenceLinks: 0,
        organizations: 1,
        routes: 1,
        routesMergedInto: {},
        evidenceLinks: 1,
      });
    });

    it('refuses to merge an organization into itself', async () => {
      const org = await create({ name: 'Demo Self Merge' });
      const res = await t.gql(
        MERGE,
        { input: { keepId: org.id, duplicateId: org.id } },
        { as: Role.ADMIN },
      );
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'duplicateId', messages: [expect.any(String)] }],
      });
    });

    it('answers NOT_FOUND for an unknown organization', async () => {
      const org = await create({ name: 'Demo Merge Unknown' });
      const res = await t.gql(
        MERGE,
        { input: { keepId: org.id, duplicateId: '00000000-0000-4000-8000-000000000000' } },
        { as: Role.ADMIN },
      );
      expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('bad input', () => {
    const longName = 'x'.repeat(301);
    it.each([
      ['name', { name: '   ' }],
      ['name', { name: longName }],
      ['aliases', { name: 'Demo Ok', aliases: ['  '] }],
      ['country', { name: 'Demo Ok', country: 'HKG' }],
      ['country', { name: 'Demo Ok', country: 'XX' }],
      ['registrationIds', { name: 'Demo Ok', registrationIds: { 'RU INN': '1' } }],
      ['registrationIds', { name: 'Demo Ok', registrationIds: { ru_inn: 7701234567 } }],
      ['registrationIds', { name: 'Demo Ok', registrationIds: ['7701234567'] }],
      ['website', { name: 'Demo Ok', website: 'not a web address' }],
      ['incorporatedOn', { name: 'Demo Ok', incorporatedOn: '2023-02-30' }],
      ['incorporatedOn', { name: 'Demo Ok', incorporatedOn: '2999-01-01' }],
      ['address', { name: 'Demo Ok', address: 'a'.repeat(1001) }],
      ['parentId', { name: 'Demo Ok', parentId: 'not-a-uuid' }],
      ['parentId', { name: 'Demo Ok', parentId: '00000000-0000-4000-8000-000000000000' }],
      ['successorId', { name: 'Demo Ok', successorId: '00000000-0000-4000-8000-000000000000' }],
    ])('createOrganization refuses a bad %s', async (field, input) => {
      const res = await t.gql(CREATE, { input }, AS_INVESTIGATOR);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([
        { field, messages: [expect.any(String)] },
      ]);
    });

    it('refuses an unknown role', async () => {
      const res = await t.gql(
        CREATE,
        { input: { name: 'Demo Ok', roles: ['SMUGGLER'] } },
        AS_INVESTIGATOR,
      );
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('updateOrganization refuses null for a required field', async () => {
      const org = await create({ name: 'Demo Null Name' });
      const res = await t.gql(
        UPDATE,
        { input: { id: org.id, expectedVersion: 1, name: null } },
        AS_INVESTIGATOR,
      );
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'name', messages: expect.any(Array) }],
      });
    });
  });

  describe('roles', () => {
    it('an ANALYST cannot write', async () => {
      const res = await t.gql(CREATE, { input: { name: 'Demo Analyst Write' } });
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(await names({ search: 'Analyst Write' })).toEqual([]);
    });

    it('only an ADMIN merges', async () => {
      const a = await create({ name: 'Demo Role Merge A' });
      const b = await create({ name: 'Demo Role Merge B' });
      const res = await t.gql(
        MERGE,
        { input: { keepId: a.id, duplicateId: b.id } },
        AS_INVESTIGATOR,
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const [{ archived_at }] = await t.ds.query(
        'SELECT archived_at FROM organization WHERE id = $1',
        [b.id],
      );
      expect(archived_at).toBeNull();
    });
  });
});
