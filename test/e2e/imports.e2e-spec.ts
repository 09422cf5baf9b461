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
const HEADER =
  'source_record_id,shipped_on,exporter_name,exporter_country,importer_name,importer_country,origin_country,export_country,import_country,hs_code,part_number,manufacturer_name,description,quantity,value_usd';

describe('bulk import of shipments (e2e)', () => {
  let t: TestApp;
  let imports: ImportsService;
  beforeAll(async () => {
    t = await createTestApp();
    imports = t.app.get(ImportsService);
  });
  afterAll(() => t.close());

  const run = (text: string, options: Partial<Parameters<ImportsService['run']>[2]> = {}) =>
    imports.run(SYSTEM_ACTOR, Readable.from([text]), {
      kind: 'shipments',
      format: 'csv',
      source: 'e2e',
      ...options,
    });
  const count = async (source: string) =>
    (await t.ds.query('SELECT count(*)::int AS n FROM shipment WHERE source = $1', [source]))[0]
      .n as number;

  it('reports each bad line by line and column, and the good lines go in', async () => {
    const report = await run(fixture('shipments-with-bad-lines.csv'), { source: 'bad-lines' });
    expect(report).toMatchObject({ rows: 10, inserted: 3, updated: 0, unchanged: 0, rejected: 7 });
    expect(report.errors).toEqual([
      { line: 4, column: 'shipped_on', message: 'bad date "2023-13-01": write YYYY-MM-DD' },
      { line: 5, column: 'importer_country', message: 'unknown country XX' },
      { line: 6, column: 'quantity', message: 'negative quantity' },
      { line: 7, column: 'source_record_id', message: 'missing source_record_id' },
      { line: 8, column: 'hs_code', message: 'bad HS code "991234": six digits of chapters 01–97' },
      { line: 9, column: null, message: 'expected 15 fields as in the header, found 4' },
      {
        line: 10,
        column: 'source_record_id',
        message: 'duplicate source_record_id, first on line 3',
      },
    ]);
    expect(await count('bad-lines')).toBe(3);
  });

  it('finds or creates parties, makers and components; the same file twice changes nothing', async () => {
    const [{ n: orgsBefore }] = await t.ds.query('SELECT count(*)::int AS n FROM organization');
    await run(fixture('shipments-with-bad-lines.csv'), { source: 'twice' });
    const [{ n: orgsAfter }] = await t.ds.query('SELECT count(*)::int AS n FROM organization');
    const again = await run(fixture('shipments-with-bad-lines.csv'), { source: 'twice' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 7 });
    const [{ n: orgsAgain }] = await t.ds.query('SELECT count(*)::int AS n FROM organization');
    expect(orgsAgain).toBe(orgsAfter);
    expect(orgsAfter - orgsBefore).toBeLessThanOrEqual(0 + 7); // the first file (other source) already created most
    const rows = await t.ds.query(
      `SELECT s.source_record_id AS id, e.name AS exporter, e.country AS ec, c.part_number AS part, m.name AS maker
         FROM shipment s LEFT JOIN organization e ON e.id = s.exporter_id LEFT JOIN component c ON c.id = s.component_id
         LEFT JOIN organization m ON m.id = c.manufacturer_id WHERE s.source = 'twice' ORDER BY 1`,
    );
    // "Texas Instruments Inc." in the US is the seeded Texas Instruments; "TMS320-F28335 PGFA" its DSP.
    expect(rows[0]).toEqual({
      id: 'R1',
      exporter: 'Texas Instruments',
      ec: 'US',
      part: 'TMS320F28335PGFA',
      maker: 'Texas Instruments',
    });
    expect(rows[1]).toMatchObject({
      id: 'R2',
      exporter: 'Bright Star Trading Ltd',
      ec: 'HK',
      part: 'TMS320F28335PGFA',
    });
    // "New Maker GmbH" and "New Maker Corp" normalize alike: the maker named without a country is that organization.
    expect(rows[2]).toMatchObject({ id: 'R9', part: 'NM-100', maker: 'New Maker Corp' });
  });

  it('leaves the shipments of unchanged lines untouched: not rewritten, not even locked', async () => {
    // 10.0004 is stored as 10.000 and 99.999 as 100.00: read again, the line is the same.
    const file = `${HEADER}\nT1,2024-01-02,Acme Trading,HK,Buyer LLC,RU,US,HK,RU,854231,,,,10.0004,99.999\n`;
    await run(file, { source: 'untouched' });
    const tuples = () =>
      t.ds.query(`SELECT ctid, xmin, xmax FROM shipment WHERE source = 'untouched'`);
    const before = await tuples();
    expect(await run(file, { source: 'untouched' })).toMatchObject({ unchanged: 1, updated: 0 });
    expect(await tuples()).toEqual(before);
  });

  it('updates a changed line on re-import and counts it', async () => {
    const line = (value: string) =>
      `${HEADER}\nU1,2024-01-02,Acme Trading,HK,Buyer LLC,RU,US,HK,RU,854231,,,,10,${value}\n`;
    expect(await run(line('100.00'), { source: 'upd' })).toMatchObject({ inserted: 1 });
    expect(await run(line('250.00'), { source: 'upd' })).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    const [{ value_usd, version }] = await t.ds.query(
      `SELECT value_usd, version FROM shipment WHERE source = 'upd'`,
    );
    expect([value_usd, version]).toEqual(['250.00', 2]);
  });

  it('reads NDJSON with tolerant key names', async () => {
    const ndjson = [
      {
        'Source Record ID': 'N1',
        'Shipped On': '2022-06-01',
        'HS Code': '8542.32',
        'Import Country': 'ir',
        Quantity: 5,
      },
      'not json',
      { source_record_id: 'N2', shipped_on: '2022-06-02', value_usd: '-1' },
    ]
      .map((l) => (typeof l === 'string' ? l : JSON.stringify(l)))
      .join('\n');
    const report = await run(ndjson, { source: 'nd', format: 'ndjson' });
    expect(report).toMatchObject({ rows: 3, inserted: 1, rejected: 2 });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, null],
      [3, 'value_usd'],
    ]);
    const [{ import_country, hs_code }] = await t.ds.query(
      `SELECT import_country, hs_code FROM shipment WHERE source = 'nd'`,
    );
    expect([import_country, hs_code]).toEqual(['IR', '854232']);
  });

  it('--strict rejects the whole file on the first error; --dry-run writes nothing', async () => {
    const strict = await run(fixture('shipments-with-bad-lines.csv'), {
      source: 'strict',
      strict: true,
    });
    expect(strict).toMatchObject({ inserted: 0, strict: true });
    expect(strict.errors[0]).toMatchObject({ line: 4, column: 'shipped_on' });
    expect(await count('strict')).toBe(0);
    const dry = await run(fixture('shipments-with-bad-lines.csv'), { source: 'dry', dryRun: true });
    expect(dry).toMatchObject({ inserted: 3, rejected: 7, dryRun: true });
    expect(await count('dry')).toBe(0);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM organization WHERE name = 'Z Co' AND country = 'AE'`,
    );
    expect(n).toBeLessThanOrEqual(1); // created by an earlier test's real import, never by the dry run
  });

  it('records every import with its file hash, and audits it', async () => {
    const report = await run(fixture('shipments-with-bad-lines.csv'), {
      source: 'recorded',
      fileName: 'x.csv',
    });
    const [runRow] = await t.ds.query(`SELECT * FROM import_run WHERE source = 'recorded'`);
    expect(runRow).toMatchObject({
      kind: 'shipments',
      file_name: 'x.csv',
      file_sha256: report.fileSha256,
      inserted: 3,
      rejected: 7,
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'import.run' AND subject_id = $1`,
      [runRow.id],
    );
    expect(n).toBe(1);
  });

  it('streams a file through POST /imports/:kind for INVESTIGATOR and up, not below', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const post = async (role: Role, type = 'text/csv', kind = 'shipments') =>
      fastify.inject({
        method: 'POST',
        url: `/imports/${kind}?source=http`,
        headers: { ...(await t.authHeader(role)), 'content-type': type },
        payload: fixture('shipments-with-bad-lines.csv'),
      });
    const ok = await post(Role.INVESTIGATOR);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ inserted: 3, rejected: 7, errors: expect.any(Array) });
    expect((await post(Role.COMPLIANCE)).statusCode).toBe(403);
    expect((await post(Role.INVESTIGATOR, 'text/plain')).json().error.code).toBe('BAD_USER_INPUT');
    expect((await post(Role.ADMIN, 'text/csv', 'spaceships')).json().error.code).toBe(
      'BAD_USER_INPUT',
    );
    const anonymous = await fastify.inject({
      method: 'POST',
      url: '/imports/shipments',
      headers: { 'content-type': 'text/csv' },
      payload: 'a',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('bulk import of organizations (e2e)', () => {
  let t: TestApp;
  let imports: ImportsService;
  beforeAll(async () => {
    t = await createTestApp();
    imports = t.app.get(ImportsService);
  });
  afterAll(() => t.close());

  const run = (text: string, format: 'csv' | 'ndjson' = 'csv') =>
    imports.run(SYSTEM_ACTOR, Readable.from([text]), {
      kind: 'organizations',
      format,
      source: 'orgs',
    });

  it('creates new organizations, updates known ones by name or registration id, and reports bad lines', async () => {
    const [ti] = await t.ds.query(
      `SELECT id, version FROM organization WHERE name = 'Texas Instruments'`,
    );
    const report = await run(fixture('organizations.csv'));
    expect(report).toMatchObject({ rows: 7, inserted: 2, updated: 1, rejected: 4 });
    expect(report.errors).toEqual([
      { line: 5, column: 'country', message: 'unknown country ZZ' },
      { line: 6, column: 'roles', message: expect.stringContaining('unknown role SMUGGLER') },
      { line: 7, column: 'name', message: 'the same organization as line 2' },
      { line: 8, column: 'registration_ids', message: 'the same organization as line 3' },
    ]);
    // "Texas Instruments Incorporated" in the US is the seeded Texas Instruments: updated, not duplicated.
    const [after] = await t.ds.query(
      `SELECT version, aliases, address FROM organization WHERE id = $1`,
      [ti.id],
    );
    expect(after.version).toBe(ti.version + 1);
    expect(after.aliases).toEqual(expect.arrayContaining(['TI', 'Texas Instruments Incorporated']));
    expect(after.address).toBe('12500 TI Boulevard, Dallas, Texas');
    // "Vector Components" shares OOO Vektor's INN: the same company, so the file repeats itself.
    const vektor = await t.ds.query(
      `SELECT name, roles::text[] AS roles, aliases, registration_ids FROM organization WHERE registration_ids @> '{"ru_inn":"7701234567"}'`,
    );
    expect(vektor).toEqual([
      {
        name: 'OOO Vektor',
        roles: ['IMPORTER'],
        aliases: ['ООО «Вектор»'],
        registration_ids: { ru_inn: '7701234567' },
      },
    ]);
    const [bright] = await t.ds.query(
      `SELECT roles::text[] AS roles, incorporated_on::text, address FROM organization WHERE name = 'Bright Star Trading Ltd'`,
    );
    expect(bright).toEqual({
      roles: ['DISTRIBUTOR', 'TRADER'],
      incorporated_on: '2022-05-10',
      address: 'Unit 5, 12/F, Kowloon',
    });
  });

  it('matches a known organization by a registration id it shares, keeping the new name as an alias', async () => {
    const report = await run(
      'name,country,registration_ids\nVector Components,RU,ru_inn=7701234567\n',
    );
    expect(report).toMatchObject({ inserted: 0, updated: 1 });
    const [vektor] = await t.ds.query(`SELECT aliases FROM organization WHERE name = 'OOO Vektor'`);
    expect(vektor.aliases).toEqual(expect.arrayContaining(['Vector Components']));
  });

  it('reads NDJSON with tolerant key names, and reports a bad line by its number', async () => {
    const ndjson = (...objects: object[]) => objects.map((o) => JSON.stringify(o)).join('\n');
    const first = await run(
      ndjson(
        {
          Name: 'Demo NDJSON Trading FZE',
          Country: 'ae',
          ROLES: 'trader',
          'Registration IDs': 'ae_tl=12345',
        },
        { name: 'Demo NDJSON Nowhere', country: 'ZZ' },
      ),
      'ndjson',
    );
    expect(first).toMatchObject({ rows: 2, inserted: 1, updated: 0, rejected: 1 });
    expect(first.errors).toEqual([{ line: 2, column: 'country', message: 'unknown country ZZ' }]);
    const again = await run(
      ndjson({ name: 'Demo NDJSON Trading', country: 'AE', aliases: 'NDJSON Trading' }),
      'ndjson',
    );
    expect(again).toMatchObject({ rows: 1, inserted: 0, updated: 1, rejected: 0 });
    const rows = await t.ds.query(
      `SELECT name, country, roles::text[] AS roles, aliases, registration_ids FROM organization
        WHERE normalized_name = 'demo ndjson trading'`,
    );
    expect(rows).toEqual([
      {
        name: 'Demo NDJSON Trading FZE',
        country: 'AE',
        roles: ['TRADER'],
        aliases: expect.arrayContaining(['NDJSON Trading', 'Demo NDJSON Trading']),
        registration_ids: { ae_tl: '12345' },
      },
    ]);
  });

  it('changes nothing the second time', async () => {
    const snapshot = () => t.ds.query(`SELECT id, version FROM organization ORDER BY id`);
    const before = await snapshot();
    const report = await run(fixture('organizations.csv'));
    const after = await snapshot();
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 4 });
    expect(after).toEqual(before);
  });
});
