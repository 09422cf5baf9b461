import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ChunkedWriter, csvField, csvLine } from './csv-writer.js';

describe('csvField', () => {
  it('quotes only fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('Co., Ltd.')).toBe('"Co., Ltd."');
    expect(csvField('labelled "solid state relay"')).toBe('"labelled ""solid state relay"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('ООО «Вектор»')).toBe('ООО «Вектор»');
    expect(csvLine(['a', 1, 'b,c'])).toBe('a,1,"b,c"\n');
  });
});

describe('ChunkedWriter', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(tmpdir(), 'sanctrace-csv-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes every line in order across chunks, multi-byte text included', async () => {
    const file = path.join(dir, 'lines.csv');
    const writer = new ChunkedWriter(file, 7, 64); // tiny chunks: lines overflow and force early hand-over
    const expected: string[][] = [];
    for (let i = 0; i < 500; i++) {
      const fields = [`row ${i}`, i % 3 ? 'ООО «Ромашка», 深圳' : 'x'.repeat(i % 90), String(i)];
      expected.push(fields);
      if (writer.push(csvLine(fields))) await writer.flush();
    }
    const bytes = await writer.close();
    const text = await readFile(file);
    expect(bytes).toBe(text.length);
    expect(parse(text)).toEqual(expected);
  });
});
