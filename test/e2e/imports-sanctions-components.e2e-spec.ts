import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SYSTEM_ACTOR } from '../../src/auth/auth-user.js';
import { projectRoot } from '../../src/common/project-root.js';
import { ImportsService } from '../../src/imports/imports.service.js';
import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const fixture = (name: string) =>
  readFileSync(path.join(projectRoot, 'test/fixtures/imports', name), 'utf8');

type RunOptions = Partial<Parameters<ImportsService['run']>[2]>;

describe('bulk import of sanctions and components (e2e)', () => {
  let t: TestApp;
  let imports: ImportsService;
  beforeAll(async () => {
    t = await createTestApp();
    imports = t.app.get(ImportsService);
  });
  afterAll(() => t.close());

  const run = (kind: string, text: string, options: RunOptions = {}) =>
    imports.run(SYSTEM_ACTOR, Readable.from([text]), {
      kind,
      format: 'csv',
      source: 'e2e',
      ...options,
    });
  const count = async (table: string): Promise<number> =>
    (await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  /** Every row of the tables an import writes, with its version: what "nothing changed" compares. */
  const snapshot = () =>
    t.ds.query(
      `SELECT 'organization' AS t, id::text, version, updated_at FROM organization UNION ALL
       SELECT 'component', id::text, version, updated_at FROM component UNION ALL
       SELECT 'sanction', id::text, version, updated_at FROM sanction UNION ALL
       SELECT 'hs_code', code, 0, updated_at FROM hs_code ORDER BY 1, 2`,
    );

  it('imports the examples of docs/import.md without an error', async () => {
    const docs = readFileSync(path.join(projectRoot, 'docs/import.md'), 'utf8');
    const example = (header: string) =>
      [...docs.matchAll(/```csv\n([\s\S]*?)```/g)]
        .map((m) => m[1])
        .find((block) => block.startsWith(`${header},`));
    for (const [kind, header] of [
      ['sanctions', 'name,country,authority'],
      ['components', 'manufacturer_name'],
    ]) {
      const text = example(header);
      expect(text).toBeDefined();
      const report = await run(kind, text!);
      expect(report).toMatchObject({ rows: 2, rejected: 0, errors: [] });
    }
  });

  describe('sanctions', () => {
    const SANCTION_HEADER =
      'name,country,authority,program,listed_on,delisted_on,reference_url,registration_ids';
    /** The listings of the organizations of that normalized name, with their organization. */
    const listingsOf = (normalizedName: string) =>
      t.ds.query(
        `SELECT o.name, o.country, o.registration_ids, s.authority, s.program, s.listed_on::text,
                s.delisted_on::text, s.reference_url, s.version
           FROM sanction s JOIN organization o ON o.id = s.organization_id
          WHERE o.normalized_name = $1 ORDER BY s.listed_on, s.authority`,
        [normalizedName],
      );

    it('imports a CSV of listings, finding or creating each organization, and reports each bad line', async () => {
      const report = await run('sanctions', fixture('sanctions-with-bad-lines.csv'));
      expect(report).toMatchObject({
        rows: 13,
        inserted: 5,
        updated: 0,
        unchanged: 0,
        rejected: 8,
      });
      expect(report.errors).toEqual([
        {
          line: 6,
          column: 'authority',
          message: 'authority must be one of US_OFAC_SDN, US_BIS_ENTITY, EU, UK, JP, CA, CH, UA',
        },
        { line: 7, column: 'country', message: 'unknown country ZZ' },
        {
          line: 8,
          column: 'delisted_on',
          message: 'delisted_on 2023-04-01 is before listed_on 2023-05-01',
        },
        { line: 9, column: 'listed_on', message: 'listed_on 2099-01-01 is in the future' },
        { line: 10, column: 'listed_on', message: 'the same listing as line 2' },
        { line: 11, column: 'name', message: 'missing name' },
        {
          line: 12,
          column: 'reference_url',
          message: 'reference_url must be a web address (https://…)',
        },
        { line: 14, column: 'listed_on', message: 'missing listed_on' },
      ]);
      // "Limited" and "Ltd" are one organization, created once with the first line's name and ids.
      expect(await listingsOf('demo bright harbour trading')).toEqual([
        {
          name: 'Demo Bright Harbour Trading Limited',
          country: 'HK',
          registration_ids: { hk_cr: '2718281' },
          authority: 'US_BIS_ENTITY',
          program: null,
          listed_on: '2023-06-12',
          delisted_on: null,
          reference_url: 'https://www.federalregister.gov/d/2023-12345',
          version: 1,
        },
        expect.objectContaining({
          name: 'Demo Bright Harbour Trading Limited',
          authority: 'EU',
          program: 'Regulation 269/2014',
          listed_on: '2023-12-18',
        }),
      ]);
      // "Demo Vector Components" shares the INN of the Vektor line: the same company, listed twice.
      expect(await listingsOf('demo sanctioned vektor')).toEqual([
        expect.objectContaining({
          name: 'OOO Demo Sanctioned Vektor',
          registration_ids: { ru_inn: '7700000001' },
          authority: 'US_OFAC_SDN',
          program: 'RUSSIA-EO14024',
          listed_on: '2022-09-15',
        }),
        expect.objectContaining({
          name: 'OOO Demo Sanctioned Vektor',
          authority: 'UK',
          program: 'Russia',
          listed_on: '2023-02-24',
        }),
      ]);
      expect(
        await t.ds.query(
          `SELECT name FROM organization WHERE normalized_name IN ('demo vector components', 'nowhere', 'demo late')`,
        ),
      ).toEqual([]);
      expect(await listingsOf('demo delisted trading')).toEqual([
        expect.objectContaining({
          country: 'AE',
          authority: 'UK',
          listed_on: '2022-12-01',
          delisted_on: '2024-03-01',
        }),
      ]);
    });

    it('changes nothing when the same file comes again', async () => {
      await run('sanctions', fixture('sanctions-with-bad-lines.csv'));
      const before = await snapshot();
      const again = await run('sanctions', fixture('sanctions-with-bad-lines.csv'));
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, rejected: 8 });
      expect(await snapshot()).toEqual(before);
    });

    it('finds a known organization by name and country, or by a registration id it shares', async () => {
      const [vostok] = await t.ds.query(
        `SELECT id FROM organization WHERE name = 'OOO Demo Vostok Komplekt'`,
      );
      const [registered] = await t.ds.query(
        `INSERT INTO organization (name, normalized_name, country, registration_ids)
         VALUES ('Demo Registry Match Ltd', 'demo registry match', 'HK', '{"hk_cr": "5550001"}') RETURNING id`,
      );
      const organizations = await count('organization');
      const report = await run(
        'sanctions',
        `${SANCTION_HEADER}\n` +
          'Demo Vostok Komplekt LLC,RU,EU,,2023-08-03,,,\n' +
          'Some Other Name Trading,AE,JP,,2023-09-04,,,hk_cr=5550001\n',
      );
      expect(report).toMatchObject({ inserted: 2, rejected: 0 });
      expect(await count('organization')).toBe(organizations);
      const rows = await t.ds.query(
        `SELECT organization_id, authority FROM sanction WHERE listed_on IN ('2023-08-03', '2023-09-04') ORDER BY listed_on`,
      );
      expect(rows).toEqual([
        { organization_id: vostok.id, authority: 'EU' },
        { organization_id: registered.id, authority: 'JP' },
      ]);
    });

    it('takes a later delisting and a new reference URL; an empty field keeps what is recorded', async () => {
      const line = (delisted: string, url: string) =>
        `${SANCTION_HEADER}\nDemo Changing Listing FZE,AE,CA,SEMA Russia,2022-05-05,${delisted},${url},\n`;
      expect(await run('sanctions', line('', ''))).toMatchObject({ inserted: 1 });
      expect(await run('sanctions', line('2024-11-30', ''))).toMatchObject({
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      expect(await run('sanctions', line('', 'https://example.org/sema'))).toMatchObject({
        inserted: 0,
        updated: 1,
      });
      expect(await run('sanctions', line('', ''))).toMatchObject({
        inserted: 0,
        updated: 0,
        unchanged: 1,
      });
      expect(await listingsOf('demo changing listing')).toEqual([
        expect.objectContaining({
          authority: 'CA',
          program: 'SEMA Russia',
          delisted_on: '2024-11-30',
          reference_url: 'https://example.org/sema',
          version: 3,
        }),
      ]);
    });

    it('reads NDJSON with tolerant key names', async () => {
      const report = await run('sanctions', fixture('sanctions.ndjson'), { format: 'ndjson' });
      expect(report).toMatchObject({ rows: 4, inserted: 2, rejected: 2 });
      expect(report.errors).toEqual([
        { line: 3, column: null, message: 'each line must be one JSON object' },
        {
          line: 4,
          column: 'delisted_on',
          message: 'delisted_on 2023-07-01 is before listed_on 2023-07-20',
        },
      ]);
      expect(await listingsOf('demo pars avionics')).toEqual([
        expect.objectContaining({
          name: 'Demo Pars Avionics Co.',
          country: 'IR',
          registration_ids: { ir_nid: '10101010' },
          authority: 'US_OFAC_SDN',
          program: 'IRAN-CON-ARMS-EO',
          listed_on: '2023-02-03',
        }),
        expect.objectContaining({
          name: 'Demo Pars Avionics Co.',
          authority: 'EU',
          program: null,
          listed_on: '2023-07-20',
          delisted_on: null,
          reference_url: 'https://eur-lex.europa.eu/eli/reg_impl/2023/1529/oj',
        }),
      ]);
    });

    it('--strict rejects the whole file at the first bad line; --dry-run writes nothing', async () => {
      const before = await snapshot();
      const strict = await run('sanctions', fixture('sanctions-with-bad-lines.csv'), {
        strict: true,
      });
      expect(strict).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, strict: true });
      expect(strict.errors).toEqual([expect.objectContaining({ line: 6, column: 'authority' })]);
      const dry = await run(
        'sanctions',
        `${SANCTION_HEADER}\nDemo Dry Run Sanctioned Ltd,AE,EU,,2023-03-03,,,\nDemo Dry Run Sanctioned Ltd,AE,EU,,2023-03-03,,,\n`,
        { dryRun: true },
      );
      expect(dry).toMatchObject({ inserted: 1, rejected: 1, dryRun: true });
      expect(dry.errors).toEqual([
        { line: 3, column: 'listed_on', message: 'the same listing as line 2' },
      ]);
      expect(await snapshot()).toEqual(before);
      expect(await listingsOf('demo dry run sanctioned')).toEqual([]);
    });

    it('is served by POST /imports/sanctions, and the listings read back through GraphQL', async () => {
      const fastify = t.app.getHttpAdapter().getInstance();
      const res = await fastify.inject({
        method: 'POST',
        url: '/imports/sanctions?source=http',
        headers: { ...(await t.authHeader(Role.INVESTIGATOR)), 'content-type': 'text/csv' },
        payload: `${SANCTION_HEADER}\nDemo Http Listed Ltd,AE,UA,,2023-10-10,,https://example.org/ua,\n`,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'sanctions', inserted: 1, rejected: 0 });
      const [org] = await t.ds.query(
        `SELECT id FROM organization WHERE normalized_name = 'demo http listed'`,
      );
      const gql = await t.gql(
        `query($filter: SanctionFilter) { sanctions(first: 10, filter: $filter) {
           edges { node { authority program listedOn delistedOn referenceUrl organization { name country } } } } }`,
        { filter: { organizationId: org.id } },
      );
      expect(gql.errors).toBeUndefined();
      expect(gql.data.sanctions.edges.map((e: any) => e.node)).toEqual([
        {
          authority: 'UA',
          program: null,
          listedOn: '2023-10-10',
          delistedOn: null,
          referenceUrl: 'https://example.org/ua',
          organization: { name: 'Demo Http Listed Ltd', country: 'AE' },
        },
      ]);
    });

    it('keeps one listing per organization, authority, programme and date when two organizations merge', async () => {
      await run(
        'sanctions',
        `${SANCTION_HEADER}\n` +
          'Demo Merge Listed One Ltd,AE,EU,,2023-04-04,,,\n' +
          'Demo Merge Listed One Ltd,AE,UK,,2023-05-05,,,\n' +
          'Demo Merge Listed Two LLC,KZ,EU,,2023-04-04,,,\n',
      );
      const idOf = async (norm: string) =>
        (await t.ds.query(`SELECT id FROM organization WHERE normalized_name = $1`, [norm]))[0]
          .id as string;
      const keepId = await idOf('demo merge listed one');
      const duplicateId = await idOf('demo merge listed two');
      const listing = async (organizationId: string) =>
        (
          await t.ds.query(
            `SELECT id FROM sanction WHERE organization_id = $1 AND authority = 'EU' AND listed_on = '2023-04-04'`,
            [organizationId],
          )
        )[0].id as string;
      const [evidence] = await t.ds.query(
        `INSERT INTO evidence (title) VALUES ('merge of listings') RETURNING id`,
      );
      await t.ds.query(
        `INSERT INTO evidence_link (evidence_id, subject_type, subject_id) VALUES ($1, 'SANCTION', $2)`,
        [evidence.id, await listing(duplicateId)],
      );
      const res = await t.gql(
        `mutation($input: MergeOrganizationsInput!) { mergeOrganizations(input: $input) { id } }`,
        { input: { keepId, duplicateId } },
        { as: Role.ADMIN },
      );
      expect(res.errors).toBeUndefined();
      const rows = await t.ds.query(
        `SELECT organization_id, authority, listed_on::text FROM sanction
          WHERE organization_id IN ($1, $2) ORDER BY listed_on, organization_id = $1 DESC`,
        [keepId, duplicateId],
      );
      // The EU listing both had stays once on each side: the kept one's, and the archived duplicate's.
      expect(rows).toEqual([
        { organization_id: keepId, authority: 'EU', listed_on: '2023-04-04' },
        { organization_id: duplicateId, authority: 'EU', listed_on: '2023-04-04' },
        { organization_id: keepId, authority: 'UK', listed_on: '2023-05-05' },
      ]);
      // Its evidence now supports the kept listing.
      const links = await t.ds.query(
        `SELECT subject_id FROM evidence_link WHERE evidence_id = $1`,
        [evidence.id],
      );
      expect(links).toEqual([{ subject_id: await listing(keepId) }]);
    });
  });

  describe('components', () => {
    const COMPONENT_HEADER =
      'manufacturer_name,manufacturer_country,part_number,description,category,hs_code';
    /** The components of the makers of that normalized name, with their maker. */
    const componentsOf = (normalizedName: string) =>
      t.ds.query(
        `SELECT o.name AS maker, o.country, o.roles::text[] AS roles, c.part_number, c.normalized_part_number,
                c.description, c.category, c.hs_code, c.version
           FROM component c JOIN organization o ON o.id = c.manufacturer_id
          WHERE o.normalized_name = $1 ORDER BY c.normalized_part_number`,
        [normalizedName],
      );
    const tiDsp = async () =>
      (
        await t.ds.query(
          `SELECT c.id, c.part_number, c.description, c.category, c.hs_code, c.version FROM component c
             JOIN organization o ON o.id = c.manufacturer_id
            WHERE o.name = 'Texas Instruments' AND c.normalized_part_number = 'TMS320F28335PGFA'`,
        )
      )[0];

    it('imports a CSV of components, finding or creating makers and HS codes, and reports each bad line', async () => {
      const before = await tiDsp();
      const report = await run('components', fixture('components-with-bad-lines.csv'));
      expect(report).toMatchObject({
        rows: 11,
        inserted: 3,
        updated: 1,
        unchanged: 0,
        rejected: 7,
      });
      expect(report.errors).toEqual([
        { line: 5, column: 'manufacturer_country', message: 'unknown country ZZ' },
        {
          line: 6,
          column: 'category',
          message:
            'category must be one of MCU, DSP, FPGA, GNSS, IMU, MEMORY, POWER, RF, SENSOR, CONNECTOR, ENGINE, OTHER',
        },
        {
          line: 7,
          column: 'hs_code',
          message: 'bad HS code "991234": six digits of chapters 01–97',
        },
        { line: 8, column: 'manufacturer_name', message: 'missing manufacturer_name' },
        { line: 9, column: 'part_number', message: 'part_number has no letters or digits' },
        { line: 10, column: 'part_number', message: 'the same component as line 3' },
        { line: 11, column: null, message: 'expected 6 fields as in the header, found 2' },
      ]);
      // "Texas Instruments Incorporated" in the US is the seeded maker: its DSP is updated, not doubled,
      // and keeps the part number it was first written with.
      expect(await tiDsp()).toEqual({
        id: before.id,
        part_number: before.part_number,
        description: 'Digital signal controller (import test)',
        category: 'DSP',
        hs_code: '854231',
        version: before.version + 1,
      });
      // The maker named without a country (line 4) is the one line 3 created in Germany.
      const maker = { maker: 'Demo Import Maker GmbH', country: 'DE', roles: ['MANUFACTURER'] };
      expect(await componentsOf('demo import maker')).toEqual([
        {
          ...maker,
          part_number: 'DIM-100/A',
          normalized_part_number: 'DIM100A',
          description: 'Brushless motor driver',
          category: 'POWER',
          hs_code: '854239',
          version: 1,
        },
        {
          ...maker,
          part_number: 'DIM-200',
          normalized_part_number: 'DIM200',
          description: 'MEMS gyroscope',
          category: 'IMU',
          hs_code: null,
          version: 1,
        },
        {
          ...maker,
          part_number: 'DIM-300',
          normalized_part_number: 'DIM300',
          description: 'Toy propeller',
          category: 'OTHER',
          hs_code: '950300',
          version: 1,
        },
      ]);
      const [hs] = await t.ds.query(
        `SELECT code, description, chpl_tier FROM hs_code WHERE code = '950300'`,
      );
      expect(hs).toEqual({ code: '950300', description: null, chpl_tier: null });
      expect(
        await t.ds.query(`SELECT name FROM organization WHERE normalized_name = 'nowhere parts'`),
      ).toEqual([]);
    });

    it('changes nothing when the same file comes again', async () => {
      await run('components', fixture('components-with-bad-lines.csv'));
      const before = await snapshot();
      const again = await run('components', fixture('components-with-bad-lines.csv'));
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, rejected: 7 });
      expect(await snapshot()).toEqual(before);
    });

    it('updates a changed line; an empty field keeps what is recorded', async () => {
      const line = (description: string, category: string, hs: string) =>
        `${COMPONENT_HEADER}\nDemo Changing Maker AG,CH,DCM-1,${description},${category},${hs}\n`;
      expect(await run('components', line('servo', 'OTHER', ''))).toMatchObject({ inserted: 1 });
      expect(await run('components', line('servo controller', 'mcu', '8542.31'))).toMatchObject({
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      expect(await run('components', line('', '', ''))).toMatchObject({
        inserted: 0,
        updated: 0,
        unchanged: 1,
      });
      expect(await componentsOf('demo changing maker')).toEqual([
        expect.objectContaining({
          country: 'CH',
          part_number: 'DCM-1',
          description: 'servo controller',
          category: 'MCU',
          hs_code: '854231',
          version: 2,
        }),
      ]);
    });

    it('reads NDJSON; a maker named without a country is the known one of that name', async () => {
      const report = await run('components', fixture('components.ndjson'), { format: 'ndjson' });
      expect(report).toMatchObject({ rows: 4, inserted: 2, updated: 0, rejected: 2 });
      expect(report.errors).toEqual([
        { line: 3, column: null, message: 'not valid JSON' },
        { line: 4, column: 'hs_code', message: 'bad HS code "123": six digits of chapters 01–97' },
      ]);
      const [ublox] = await t.ds.query(
        `SELECT o.name, o.country FROM component c JOIN organization o ON o.id = c.manufacturer_id
          WHERE c.normalized_part_number = 'NEODEMO1'`,
      );
      expect(ublox).toEqual({ name: 'u-blox', country: 'CH' });
      expect(
        (await componentsOf('u blox')).filter((c: any) => c.part_number === 'NEO-DEMO-1'),
      ).toEqual([
        expect.objectContaining({
          description: 'GNSS module (import test)',
          category: 'GNSS',
          hs_code: '852691',
        }),
      ]);
      expect(await componentsOf('demo ndjson maker')).toEqual([
        expect.objectContaining({
          country: 'TW',
          roles: ['MANUFACTURER'],
          part_number: 'DN-1',
          category: 'RF',
          description: null,
        }),
      ]);
    });

    it('leaves an archived component as it is and says so', async () => {
      const [ti] = await t.ds.query(`SELECT id FROM organization WHERE name = 'Texas Instruments'`);
      await t.ds.query(
        `INSERT INTO component (manufacturer_id, part_number, normalized_part_number, description, archived_at)
         VALUES ($1, 'DEMO-ARCH-1', 'DEMOARCH1', 'old', now())`,
        [ti.id],
      );
      const report = await run(
        'components',
        `${COMPONENT_HEADER}\nTexas Instruments,US,demo arch 1,new,MCU,\n`,
      );
      expect(report).toMatchObject({ inserted: 0, updated: 0, rejected: 1 });
      expect(report.errors).toEqual([
        {
          line: 2,
          column: 'part_number',
          message:
            'component demo arch 1 of this manufacturer is archived: imports leave it as it is',
        },
      ]);
      const [row] = await t.ds.query(
        `SELECT description, version FROM component WHERE normalized_part_number = 'DEMOARCH1'`,
      );
      expect(row).toEqual({ description: 'old', version: 1 });
    });

    it('--strict rejects the whole file at the first bad line; --dry-run writes nothing', async () => {
      const before = await snapshot();
      const strict = await run('components', fixture('components-with-bad-lines.csv'), {
        strict: true,
      });
      expect(strict).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, strict: true });
      expect(strict.errors).toEqual([
        { line: 5, column: 'manufacturer_country', message: 'unknown country ZZ' },
      ]);
      const dry = await run(
        'components',
        `${COMPONENT_HEADER}\nDemo Dry Run Maker,FR,DRY-1,,FPGA,9999.99\nDemo Dry Run Maker,FR,DRY-2,,FPGA,9503.10\n`,
        { dryRun: true },
      );
      expect(dry).toMatchObject({ inserted: 1, rejected: 1, dryRun: true });
      expect(await snapshot()).toEqual(before);
      expect(await componentsOf('demo dry run maker')).toEqual([]);
    });

    it('is served by POST /imports/components, and the parts read back through GraphQL', async () => {
      const fastify = t.app.getHttpAdapter().getInstance();
      const res = await fastify.inject({
        method: 'POST',
        url: '/imports/components?source=http',
        headers: {
          ...(await t.authHeader(Role.INVESTIGATOR)),
          'content-type': 'application/x-ndjson',
        },
        payload: JSON.stringify({
          manufacturer_name: 'Demo Http Maker Oy',
          manufacturer_country: 'FI',
          part_number: 'HTTP-77',
          category: 'sensor',
          hs_code: '903289',
          description: 'pressure sensor',
        }),
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'components', inserted: 1, rejected: 0 });
      const gql = await t.gql(
        `query($filter: ComponentFilter) { components(first: 10, filter: $filter) {
           edges { node { partNumber normalizedPartNumber description category hsCode manufacturer { name country } } } } }`,
        { filter: { search: 'HTTP77' } },
      );
      expect(gql.errors).toBeUndefined();
      expect(gql.data.components.edges.map((e: any) => e.node)).toEqual([
        {
          partNumber: 'HTTP-77',
          normalizedPartNumber: 'HTTP77',
          description: 'pressure sensor',
          category: 'SENSOR',
          hsCode: '903289',
          manufacturer: { name: 'Demo Http Maker Oy', country: 'FI' },
        },
      ]);
    });
  });
});
