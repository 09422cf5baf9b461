import { Readable } from 'node:stream';
import { normalizeHeader, readRecords, type SourceRecord } from './record-stream.js';
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

  it('normalizes header names', () => {
    expect(normalizeHeader(' Value USD ')).toBe('value_usd');
    expect(normalizeHeader('HS.Code')).toBe('hs_code');
  });
});
