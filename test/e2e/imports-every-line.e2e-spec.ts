import { Readable } from 'node:stream';
import { SYSTEM_ACTOR } from '../../src/auth/auth-user.js';
import type { ImportReport } from '../../src/imports/importer.js';
import { ImportsService } from '../../src/imports/imports.service.js';
import { createTestApp, type TestApp } from './test-app.js';

const HEADER =
  'source_record_id,shipped_on,exporter_name,exporter_country,importer_name,importer_country,origin_country,export_country,import_country,hs_code,part_number,manufacturer_name,description,quantity,value_usd';
/** A good shipment line of key `id`, with `description` (CSV-quoted by the caller if need be). */
const line = (id: string, description = 'capacitors') =>
  `${id},2023-02-01,Acme Trading Ltd,HK,OOO Buyer,RU,US,HK,RU,853224,,,${description},10,100.00`;
const ndjson = (...lines: (object | string)[]) =>
  lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
const good = (id: string, more: object = {}) => ({
  source_record_id: id,
  shipped_on: '2023-02-01',
  exporter_name: 'Acme Trading Ltd',
  exporter_country: 'HK',
  ...more,
});

describe('no line is silently lost in an import (e2e)', () => {
  let t: TestApp;
  let imports: ImportsService;
  beforeAll(async () => {
    t = await createTestApp();
    imports = t.app.get(ImportsService);
  });
  afterAll(() => t.close());

  const run = (source: string, text: string | string[], format: 'csv' | 'ndjson' = 'csv') =>
    imports.run(SYSTEM_ACTOR, Readable.from(Array.isArray(text) ? text : [text]), {
      kind: 'shipments',
      format,
      source,
    });
  /** The lines whose shipment is stored, by their record ids `<prefix><line>`. */
  const storedLines = async (source: string) =>
    (
      await t.ds.query<{ id: string }[]>(
        'SELECT source_record_id AS id FROM shipment WHERE source = $1 ORDER BY 1',
        [source],
      )
    ).map((r) => Number(r.id.replace(/^\D+/, '')));

  /**
   * Every data line (`dataLines`: the numbers of the lines a record starts on) is stored or
   * rejected with its number, never both, and the counts add up to the lines read.
   */
  async function expectEveryLineAccounted(
    report: ImportReport,
    source: string,
    dataLines: number[],
  ) {
    expect(report.inserted + report.updated + report.unchanged + report.rejected).toBe(report.rows);
    expect(report.rows).toBe(dataLines.length);
    const rejected = [...new Set(report.errors.map((e) => e.line))];
    expect(rejected).toHaveLength(report.rejected);
    const stored = await storedLines(source);
    expect([...stored, ...rejected].sort((a, b) => a - b)).toEqual(dataLines);
  }

  it('reports a quote left open to the end of the file, and the lines after it go in', async () => {
    const file = [HEADER, line('Q2'), line('Q3', '"open'), line('Q4'), line('Q5')].join('\n');
    const report = await run('open-quote', file);
    expect(report).toMatchObject({ rows: 4, inserted: 3, rejected: 1 });
    expect(report.errors).toEqual([
      { line: 3, column: null, message: 'a quote is not closed before the end of the file' },
    ]);
    await expectEveryLineAccounted(report, 'open-quote', [2, 3, 4, 5]);
  });

  it('reports a stray quote that a later line closes, and reads every line after it', async () => {
    const file = [
      HEADER,
      line('S2', '"stray'),
      line('S3'),
      line('S4', '"five" bolts'),
      line('S5'),
      '',
    ].join('\n');
    const report = await run('stray-quote', file);
    expect(report.errors.map((e) => e.line)).toEqual([2, 4]);
    expect(report.errors[0].message).toMatch(/is a quote not closed\?/);
    await expectEveryLineAccounted(report, 'stray-quote', [2, 3, 4, 5]);
    // Importing it again changes nothing and loses nothing either.
    const again = await run('stray-quote', file);
    expect(again).toMatchObject({ rows: 4, inserted: 0, unchanged: 2, rejected: 2 });
  });

  it('reads a quoted field holding line breaks as one record, and numbers the lines after it', async () => {
    const file = [
      HEADER,
      line('M2', '"two\nlines, quoted"'),
      line('M4'),
      line('M5').replace('2023-02-01', '2023-13-01'),
    ].join('\r\n');
    const report = await run('multiline', ['\uFEFF', file.slice(0, 190), file.slice(190)]);
    expect(report).toMatchObject({ rows: 3, inserted: 2, rejected: 1 });
    expect(report.errors).toEqual([
      { line: 5, column: 'shipped_on', message: 'bad date "2023-13-01": write YYYY-MM-DD' },
    ]);
    const [{ description }] = await t.ds.query(
      `SELECT description FROM shipment WHERE source = 'multiline' AND source_record_id = 'M2'`,
    );
    expect(description).toBe('two\nlines, quoted');
    await expectEveryLineAccounted(report, 'multiline', [2, 4, 5]);
  });

  it('reads CRLF, a byte order mark and empty lines; a header alone is no rows', async () => {
    const file = `\uFEFF${HEADER}\r\n\r\n${line('C3')}\r\n\r\n${line('C5')}\r\n\r\n`;
    const report = await run('crlf', file);
    expect(report).toMatchObject({ rows: 2, inserted: 2, rejected: 0, errors: [] });
    await expectEveryLineAccounted(report, 'crlf', [3, 5]);
    const alone = await run('header-only', `${HEADER}\r\n`);
    expect(alone).toMatchObject({ rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 });
  });

  it('refuses NDJSON values of the wrong JSON type, naming the column', async () => {
    const file = ndjson(
      good('N1', { exporter_name: { $ne: 1 } }),
      good('N2', { importer_name: ['OOO Buyer'] }),
      good('N3', { description: { nested: { deeper: 'x' } } }),
      good('N4', { part_number: true, quantity: false }),
      good('N5', { quantity: 12, value_usd: 99.5, unknown_column: { ignored: true } }),
      good('N6', { exporter_name: null }),
    );
    const report = await run('json-types', file, 'ndjson');
    expect(report.errors).toEqual([
      {
        line: 1,
        column: 'exporter_name',
        message: 'exporter_name must be text or a number, not an object',
      },
      {
        line: 2,
        column: 'importer_name',
        message: 'importer_name must be text or a number, not an array',
      },
      {
        line: 3,
        column: 'description',
        message: 'description must be text or a number, not an object',
      },
      { line: 4, column: 'part_number', message: 'part_number must be text or a number, not true' },
      { line: 4, column: 'quantity', message: 'quantity must be text or a number, not false' },
    ]);
    expect(report).toMatchObject({ rows: 6, inserted: 2, rejected: 4 });
    await expectEveryLineAccounted(report, 'json-types', [1, 2, 3, 4, 5, 6]);
    // No organization was named `{"$ne":1}`.
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM organization WHERE name LIKE '%$ne%' OR name LIKE '[%'`,
    );
    expect(n).toBe(0);
  });

  it('reads NDJSON with a byte order mark, CRLF and empty lines; refuses what is not an object', async () => {
    const lines = [
      JSON.stringify(good('J1')),
      '',
      '[1, 2]',
      'not json',
      JSON.stringify(good('J5')),
    ];
    const report = await run('json-lines', `\uFEFF${lines.join('\r\n')}\r\n\r\n`, 'ndjson');
    expect(report.errors).toEqual([
      { line: 3, column: null, message: 'each line must be one JSON object' },
      { line: 4, column: null, message: 'not valid JSON' },
    ]);
    await expectEveryLineAccounted(report, 'json-lines', [1, 3, 4, 5]);
  });
});
