import { Readable } from 'node:stream';
import { MAX_RECORD_CHARS } from './csv-lines.js';
import { normalizeHeader, readRecords, type SourceRecord, WrongType } from './record-stream.js';
import { ErrorSink } from './row-error.js';

const read = async (text: string, format: 'csv' | 'ndjson') => {
  const errors = new ErrorSink();
  const out: SourceRecord[] = [];
  for await (const r of readRecords(Readable.from([text]), format, errors)) out.push(r);
  return { out, errors: errors.errors };
};

describe('readRecords', () => {
  it('reads CSV with tolerant headers, line numbers, quoted fields and blanks as null', async () => {
    const { out, errors } = await read(
      '\uFEFF Source Record ID ,Shipped-On,description\n1,2023-01-02,"a, ""b"""\n2,, \n',
      'csv',
    );
    expect(errors).toEqual([]);
    expect(out).toEqual([
      {
        line: 2,
        fields: { source_record_id: '1', shipped_on: '2023-01-02', description: 'a, "b"' },
      },
      { line: 3, fields: { source_record_id: '2', shipped_on: null, description: null } },
    ]);
  });

  it('reports a CSV line with the wrong number of fields and reads on', async () => {
    const { out, errors } = await read('a,b\n1,2\n3\n4,5\n', 'csv');
    expect(out.map((r) => r.line)).toEqual([2, 4]);
    expect(errors).toEqual([
      { line: 3, column: null, message: 'expected 2 fields as in the header, found 1' },
    ]);
  });

  it('reads NDJSON, reporting bad lines by number', async () => {
    const { out, errors } = await read(
      '{"Source Record Id": 7, "quantity": 3.5}\nnot json\n\n[1]\n{"a":null}',
      'ndjson',
    );
    expect(out).toEqual([
      { line: 1, fields: { source_record_id: '7', quantity: '3.5' } },
      { line: 5, fields: { a: null } },
    ]);
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
  });

  it('reports every line a stray quote would have swallowed, and the lines after it go in', async () => {
    const { out, errors } = await read('id,name\n1,"Acme\n2,Bolt\n3,Cog', 'csv');
    expect(out.map((r) => [r.line, r.fields.name])).toEqual([
      [3, 'Bolt'],
      [4, 'Cog'],
    ]);
    expect(errors).toEqual([
      { line: 2, column: null, message: 'a quote is not closed before the end of the file' },
    ]);
  });

  it('refuses a file whose header cannot be read', async () => {
    await expect(read('"id,name\n1,x\n', 'csv')).rejects.toThrow(
      'line 1: the header cannot be read: a quote is not closed before the end of the file',
    );
  });

  it('ignores a column named __proto__, as any column no kind reads, without touching the prototype', async () => {
    const { out, errors } = await read('__proto__,constructor\n{},x\n', 'csv');
    expect(errors).toEqual([]);
    expect(Object.keys(out[0].fields)).toEqual(['constructor']);
    expect(out[0].fields.constructor).toBe('x');
    expect(Object.getPrototypeOf(out[0].fields)).toBe(Object.prototype);
  });

  it('marks NDJSON values that are not text, a number or null, and drops a byte order mark', async () => {
    const { out, errors } = await read(
      '\uFEFF{"a": {"$ne": 1}, "b": [1], "c": true, "d": 5, "e": " x ", "__proto__": {"f": 1}}\r\n',
      'ndjson',
    );
    expect(errors).toEqual([]);
    const { fields } = out[0];
    expect(fields).toEqual({
      a: new WrongType('an object'),
      b: new WrongType('an array'),
      c: new WrongType('true'),
      d: '5',
      e: 'x',
    });
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });

  it('reports an NDJSON line longer than the limit and reads on', async () => {
    const long = `{"a":"${'x'.repeat(MAX_RECORD_CHARS)}"}`;
    const chunks = [long.slice(0, 70_000), long.slice(70_000), '\n{"a":"b"}\n'];
    const errors = new ErrorSink();
    const out: SourceRecord[] = [];
    for await (const r of readRecords(Readable.from(chunks), 'ndjson', errors)) out.push(r);
    expect(errors.errors).toEqual([
      { line: 1, column: null, message: `the line is longer than ${MAX_RECORD_CHARS} characters` },
    ]);
    expect(out).toEqual([{ line: 2, fields: { a: 'b' } }]);
  });

  it('normalizes header names', () => {
    expect(normalizeHeader(' Value USD ')).toBe('value_usd');
    expect(normalizeHeader('HS.Code')).toBe('hs_code');
  });
});
