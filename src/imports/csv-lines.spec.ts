import { CsvLines } from './csv-lines.js';

const read = (...chunks: string[]) => {
  const out: [string[], number][] = [];
  const csv = new CsvLines();
  for (const c of chunks) csv.push(c, (f, l) => out.push([f, l]));
  csv.end((f, l) => out.push([f, l]));
  return out;
};

describe('CsvLines', () => {
  it('splits plain lines, keeps empty fields, and numbers lines', () => {
    expect(read('a,b,c\n1,,3\r\n\n4,5,6')).toEqual([
      [['a', 'b', 'c'], 1],
      [['1', '', '3'], 2],
      [['4', '5', '6'], 4],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, across chunks', () => {
    expect(read('x,"a, ""b""",y\n"multi\nline",', 'z\nlast,"q"\n')).toEqual([
      [['x', 'a, "b"', 'y'], 1],
      [['multi\nline', 'z'], 2],
      [['last', 'q'], 4],
    ]);
  });
});
