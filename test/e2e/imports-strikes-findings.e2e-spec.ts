import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SYSTEM_ACTOR } from '../../src/auth/auth-user.js';
import { projectRoot } from '../../src/common/project-root.js';
import { ImportsService } from '../../src/imports/imports.service.js';
import { Role } from '../../src/auth/role.enum.js';
import {
  catalogueSize,
  countBySource,
  importedFindings,
  importedStrikes,
  versionsBySource,
} from './imported-rows.js';
import { createTestApp, type TestApp } from './test-app.js';

const fixture = (name: string) =>
  readFileSync(path.join(projectRoot, 'test/fixtures/imports', name), 'utf8');
type Request = Parameters<ImportsService['run']>[2];

let t: TestApp;
let imports: ImportsService;
beforeAll(async () => {
  t = await createTestApp();
  imports = t.app.get(ImportsService);
});
afterAll(() => t.close());

const run = (kind: string, text: string, options: Partial<Request> = {}) =>
  imports.run(SYSTEM_ACTOR, Readable.from([text]), { kind, format: 'csv', ...options });
const count = (table: string, source: string) => countBySource(t.ds, table, source);
const snapshot = (table: string, source: string) => versionsBySource(t.ds, table, source);
const strikes = (source: string) => importedStrikes(t.ds, source);
const findings = (source: string) => importedFindings(t.ds, source);
const catalogue = () => catalogueSize(t.ds);

/** Expected report errors, written as [line, column, message]. */
const rowErrors = (rows: [number, string | null, string][]) =>
  rows.map(([line, column, message]) => ({ line, column, message }));
const UNKNOWN_WEAPON =
  'unknown weapon system Shahed-999: give the name or a designation of a known one';
const STRIKE_ERRORS = rowErrors([
  [5, 'occurred_at', 'bad date and time "2023-09-31T10:00:00Z": write ISO 8601'],
  [6, 'latitude', 'latitude 91.5 is out of range: -90 to 90'],
  [7, 'longitude', 'longitude must be given with latitude'],
  [8, 'weapon_system', UNKNOWN_WEAPON],
  [9, 'killed', 'negative killed'],
  [10, 'munitions_count', 'munitions_count is too large'],
  [11, 'country', 'unknown country XX'],
  [12, 'source_record_id', 'missing source_record_id'],
  [13, 'occurred_at', 'occurred_at 2999-01-01T00:00:00Z is in the future'],
  [14, 'source_record_id', 'duplicate source_record_id, first on line 2'],
  [15, 'injured', 'injured must be a whole number'],
  [16, 'occurred_at', 'bad date and time "0000-01-01T00:00:00Z": write ISO 8601'],
]);

describe('bulk import of strike reports (e2e)', () => {
  const csv = fixture('strikes-with-bad-lines.csv');

  it('reports each bad line by line, column and reason, and the good lines go in', async () => {
    const report = await run('strikes', csv, { source: 'strikes-csv' });
    expect(report).toMatchObject({ rows: 15, inserted: 3, updated: 0, unchanged: 0, rejected: 12 });
    expect(report.errors).toEqual(STRIKE_ERRORS);
    expect(await strikes('strikes-csv')).toEqual([
      {
        id: 'S1',
        occurred_at: new Date('2023-09-28T09:00:00Z'),
        place: 'Krasnohorivka',
        admin_area: 'Donetsk Oblast',
        country: 'UA',
        latitude: '47.990000',
        longitude: '37.510000',
        weapon: '152 mm artillery',
        munitions_count: null,
        killed: 2,
        injured: 3,
        summary: 'Artillery strike on the town, about 30 km west of occupied Donetsk',
        synthetic: false,
        version: 1,
      },
      // A time with an offset; the weapon by its designation, whatever its case.
      expect.objectContaining({
        id: 'S2',
        occurred_at: new Date('2023-09-28T10:00:00Z'),
        country: 'UA',
        weapon: 'KAB guided aerial bomb',
        killed: 0,
      }),
      // A date alone is midnight UTC; `Geran 2` is the Shahed-136's designation.
      expect.objectContaining({
        id: 'S3',
        occurred_at: new Date('2024-03-03T00:00:00Z'),
        weapon: 'Shahed-136',
        munitions_count: 10,
      }),
    ]);
  });

  it('changes nothing the second time', async () => {
    await run('strikes', csv, { source: 'strikes-twice' });
    const before = await snapshot('strike_report', 'strikes-twice');
    const again = await run('strikes', csv, { source: 'strikes-twice' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 12 });
    expect(await snapshot('strike_report', 'strikes-twice')).toEqual(before);
  });

  it('updates a changed line and bumps its version; the same key in another source is another report', async () => {
    const header = 'source_record_id,occurred_at,place,country,weapon_system,killed';
    const line = (killed: number) =>
      `${header}\nU1,2024-01-02T03:04:05Z,Odesa,UA,Shahed-136,${killed}\n`;
    expect(await run('strikes', line(1), { source: 'strikes-upd' })).toMatchObject({ inserted: 1 });
    expect(await run('strikes', line(4), { source: 'strikes-upd' })).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(await strikes('strikes-upd')).toEqual([
      expect.objectContaining({ id: 'U1', place: 'Odesa', killed: 4, version: 2 }),
    ]);
    expect(await run('strikes', line(4), { source: 'strikes-upd-2' })).toMatchObject({
      inserted: 1,
    });
  });

  it('reads NDJSON with tolerant keys and JSON numbers', async () => {
    const ndjson = fixture('strikes.ndjson');
    const report = await run('strikes', ndjson, { source: 'strikes-nd', format: 'ndjson' });
    expect(report).toMatchObject({ rows: 4, inserted: 2, rejected: 2 });
    expect(report.errors).toEqual([
      { line: 3, column: 'longitude', message: 'longitude is not a number: "east"' },
      { line: 4, column: null, message: 'not valid JSON' },
    ]);
    expect(await strikes('strikes-nd')).toEqual([
      expect.objectContaining({
        id: 'N1',
        place: 'Lutsk',
        admin_area: 'Volyn Oblast',
        latitude: '50.747200',
        longitude: '25.325400',
        weapon: 'Shahed-136',
        munitions_count: 8,
        injured: 3,
        summary: 'Test record: drones over Lutsk',
      }),
      expect.objectContaining({
        id: 'N2',
        occurred_at: new Date('2023-12-11T04:15:00Z'),
        latitude: '-48.464700',
        weapon: 'Shahed-131',
        killed: 2,
        injured: null,
      }),
    ]);
    const again = await run('strikes', ndjson, { source: 'strikes-nd', format: 'ndjson' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('--strict rejects the whole file at the first error; --dry-run writes nothing', async () => {
    const strict = await run('strikes', csv, { source: 'strikes-strict', strict: true });
    expect(strict).toMatchObject({ inserted: 0, updated: 0, strict: true });
    expect(strict.errors[0]).toEqual(STRIKE_ERRORS[0]);
    expect(await count('strike_report', 'strikes-strict')).toBe(0);
    const dry = await run('strikes', csv, { source: 'strikes-dry', dryRun: true });
    expect(dry).toMatchObject({ inserted: 3, rejected: 12, dryRun: true });
    expect(dry.errors).toEqual(STRIKE_ERRORS);
    expect(await count('strike_report', 'strikes-dry')).toBe(0);
  });

  it('streams through POST /imports/strikes, and GraphQL shows where a report came from', async () => {
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/imports/strikes?source=strikes-http&synthetic=true',
        headers: { ...(await t.authHeader(Role.INVESTIGATOR)), 'content-type': 'text/csv' },
        payload: csv,
      });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'strikes', inserted: 3, rejected: 12 });
    expect((await strikes('strikes-http')).map((s: { synthetic: boolean }) => s.synthetic)).toEqual(
      [true, true, true],
    );
    const gql = await t.gql(
      `{ strikeReports(first: 100) { edges { node { place source sourceRecordId } } } }`,
    );
    const nodes = gql.data.strikeReports.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toContainEqual({
      place: 'Kharkiv',
      source: 'strikes-http',
      sourceRecordId: 'S3',
    });
    expect(nodes).toContainEqual(expect.objectContaining({ source: null, sourceRecordId: null }));
  });
});

const FINDING_ERRORS = (source: string) =>
  rowErrors([
    [4, 'strike_record_id', `no strike report S99 in source ${source}: import the strikes first`],
    [5, 'weapon_system', UNKNOWN_WEAPON],
    [6, 'part_number', 'missing part_number'],
    [7, 'manufacturer_name', 'missing manufacturer_name'],
    [8, 'recovered_on', 'bad date "2024-02-30": write YYYY-MM-DD'],
    [9, 'certainty', 'certainty must be one of H, M, L, HIGH, MEDIUM, LOW'],
    [10, 'part_number', 'part_number has no letters or digits'],
    [11, 'date_code', 'date_code is longer than 40 characters'],
    [12, 'source_record_id', 'duplicate source_record_id, first on line 2'],
  ]);

describe('bulk import of component findings (e2e)', () => {
  const csv = fixture('findings-with-bad-lines.csv');
  /** A source with the strikes of the strikes fixture, that findings of the same source can name. */
  const withStrikes = async (source: string) => {
    await run('strikes', fixture('strikes-with-bad-lines.csv'), { source });
    return source;
  };
  it('ties findings to strikes, weapons and the catalogue, and reports each bad line', async () => {
    const source = await withStrikes('gur-csv');
    const [ti] = await t.ds.query(
      `SELECT c.id FROM component c JOIN organization o ON o.id = c.manufacturer_id
        WHERE o.name = 'Texas Instruments' AND c.normalized_part_number = 'TMS320F28335PGFA'`,
    );
    const report = await run('findings', csv, { source });
    expect(report).toMatchObject({ rows: 11, inserted: 2, updated: 0, unchanged: 0, rejected: 9 });
    expect(report.errors).toEqual(FINDING_ERRORS(source));
    expect(await findings(source)).toEqual([
      // The seeded TI part (`TMS320-F28335 PGFA` normalized); the weapon system is the strike's.
      {
        id: 'F1',
        component_id: ti.id,
        strike: 'S3',
        weapon: 'Shahed-136',
        maker: 'Texas Instruments',
        part: 'TMS320F28335PGFA',
        marking: 'TMS320 F28335PGFA G4A-17C76FW',
        date_code: 'G4A',
        lot_code: '17C76FW',
        serial: null,
        recovered_on: '2024-03-04',
        sample_ref: 'kharkiv-2024-03-03-a',
        status: 'VERIFIED',
        version: 1,
      },
      // A part not yet in the catalogue: its maker (country unknown) and component are created.
      expect.objectContaining({
        id: 'F2',
        strike: null,
        weapon: 'Shahed-238',
        maker: 'Brand New Semi GmbH',
        part: 'BNS-42.1',
        serial: 'SN-0001',
        status: 'REPORTED',
      }),
    ]);
    const [maker] = await t.ds.query(
      `SELECT country, roles::text[] AS roles FROM organization WHERE name = 'Brand New Semi GmbH'`,
    );
    expect(maker).toEqual({ country: null, roles: ['MANUFACTURER'] });
  });

  it('changes nothing the second time, nor creates makers or components again', async () => {
    const source = await withStrikes('gur-twice');
    await run('findings', csv, { source });
    const state = async () => [await snapshot('component_finding', source), await catalogue()];
    const before = await state();
    const again = await run('findings', csv, { source });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 9 });
    expect(await state()).toEqual(before);
  });

  it('updates a changed line; a line without a status keeps the status a review gave', async () => {
    const source = 'gur-upd';
    const header = 'source_record_id,manufacturer_name,part_number,serial';
    const line = (serial: string) => `${header}\nU1,Texas Instruments,LM5176,${serial}\n`;
    expect(await run('findings', line('A-1'), { source })).toMatchObject({ inserted: 1 });
    await t.ds.query(
      `UPDATE component_finding SET verification_status = 'VERIFIED', version = version + 1
        WHERE source = $1`,
      [source],
    );
    expect(await run('findings', line('A-1'), { source })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await run('findings', line('A-2'), { source })).toMatchObject({ updated: 1 });
    expect(await findings(source)).toEqual([
      expect.objectContaining({
        id: 'U1',
        part: 'LM5176',
        serial: 'A-2',
        status: 'VERIFIED',
        version: 3,
      }),
    ]);
    const withStatus = `${header},verification_status\nU1,Texas Instruments,LM5176,A-2,retracted\n`;
    expect(await run('findings', withStatus, { source })).toMatchObject({ updated: 1 });
    expect((await findings(source))[0]).toMatchObject({ status: 'RETRACTED', version: 4 });
  });

  it('refuses a part whose component is archived', async () => {
    await t.ds.query(
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number, archived_at)
       SELECT id, 'OLD-1', 'OLD1', now() FROM organization WHERE name = 'Texas Instruments'`,
    );
    const report = await run(
      'findings',
      'source_record_id,manufacturer_name,part_number\nA1,Texas Instruments,old 1\n',
      { source: 'gur-archived' },
    );
    expect(report.errors).toEqual([
      { line: 2, column: 'part_number', message: 'component OLD-1 is archived' },
    ]);
    expect(await count('component_finding', 'gur-archived')).toBe(0);
  });

  it('reads NDJSON: status from verification_status or certainty, which must agree', async () => {
    const source = await withStrikes('gur-nd');
    // The part the CSV file brings (whichever test runs first), found again under another spelling.
    await run('findings', `${csv.split('\n')[0]}\n${csv.split('\n')[2]}\n`, {
      source: 'gur-nd-part',
    });
    const report = await run('findings', fixture('findings.ndjson'), { source, format: 'ndjson' });
    expect(report).toMatchObject({ rows: 4, inserted: 2, rejected: 2 });
    expect(report.errors).toEqual([
      { line: 3, column: 'certainty', message: 'certainty L means DISPUTED, not VERIFIED' },
      { line: 4, column: null, message: 'each line must be one JSON object' },
    ]);
    expect(await findings(source)).toEqual([
      expect.objectContaining({
        id: 'FN1',
        strike: 'S1',
        weapon: '152 mm artillery',
        maker: 'Texas Instruments',
        date_code: '26T',
        recovered_on: '2023-09-29',
        status: 'VERIFIED',
      }),
      // `Geran-2` is the Shahed-136; `BNS 42 1` the part another file created as `BNS-42.1`.
      expect.objectContaining({
        id: 'FN2',
        weapon: 'Shahed-136',
        maker: 'Brand New Semi GmbH',
        part: 'BNS-42.1',
        serial: '12345',
        status: 'DISPUTED',
      }),
    ]);
  });

  it('--strict rejects the whole file at the first error; --dry-run writes nothing, not even parts', async () => {
    const source = await withStrikes('gur-strict');
    const strict = await run('findings', csv, { source, strict: true });
    expect(strict).toMatchObject({ inserted: 0, updated: 0, strict: true });
    expect(strict.errors[0]).toMatchObject({ line: 6, column: 'part_number' });
    expect(await count('component_finding', source)).toBe(0);
    const before = await catalogue();
    const dry = await run(
      'findings',
      'source_record_id,manufacturer_name,part_number\nD1,Dry Run Devices,DRD-1\nD2,,X\n',
      { source, dryRun: true },
    );
    expect(dry).toMatchObject({ inserted: 1, rejected: 1, dryRun: true });
    expect(await count('component_finding', source)).toBe(0);
    expect(await catalogue()).toEqual(before);
  });

  it('streams through POST /imports/findings as NDJSON', async () => {
    const source = await withStrikes('gur-http');
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: `/imports/findings?source=${source}`,
        headers: {
          ...(await t.authHeader(Role.INVESTIGATOR)),
          'content-type': 'application/x-ndjson',
        },
        payload: fixture('findings.ndjson'),
      });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'findings', inserted: 2, rejected: 2 });
    const gql = await t.gql(
      `{ findings(first: 100) { edges { node { sourceRecordId source strikeReport { place } } } } }`,
    );
    const nodes = gql.data.findings.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toContainEqual({
      sourceRecordId: 'FN1',
      source,
      strikeReport: { place: 'Krasnohorivka' },
    });
  });
});
