import { parse } from 'csv-parse/sync';
import { CsvLines, MAX_RECORD_CHARS } from './csv-lines.js';

type Out = [string[], number] | [number, string];

/** Reads `chunks`; the first record fixes the width when `header` is set. */
const read = (chunks: string[], { header = false } = {}) => {
  const out: Out[] = [];
  const csv = new CsvLines();
  const sink = {
    record(fields: string[], line: number) {
      if (header && csv.width === null) csv.width = fields.length;
      out.push([fields, line]);
    },
    unreadable: (line: number, message: string) => out.push([line, message]),
  };
  for (const c of chunks) csv.push(c, sink);
  csv.end(sink);
  return out;
};

/** Every way of cutting `text` into two chunks gives the same result as reading it whole. */
const everyCut = (text: string, options = {}) => {
  const whole = read([text], options);
  for (let i = 1; i < text.length; i++)
    expect(read([text.slice(0, i), text.slice(i)], options)).toEqual(whole);
  return whole;
};

describe('CsvLines', () => {
  it('splits plain lines, keeps empty fields, and numbers lines', () => {
    expect(read(['a,b,c\n1,,3\r\n\n4,5,6'])).toEqual([
      [['a', 'b', 'c'], 1],
      [['1', '', '3'], 2],
      [['4', '5', '6'], 4],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, across chunks', () => {
    expect(read(['x,"a, ""b""",y\n"multi\nline",', 'z\nlast,"q"\n'])).toEqual([
      [['x', 'a, "b"', 'y'], 1],
      [['multi\nline', 'z'], 2],
      [['last', 'q'], 4],
    ]);
  });

  it('reads CRLF files, quoted fields with CRLF inside, and drops a byte order mark', () => {
    expect(everyCut('\uFEFFa,b\r\n"x\r\ny","z"\r\n1,2\r\n', { header: true })).toEqual([
      [['a', 'b'], 1],
      [['x\r\ny', 'z'], 2],
      [['1', '2'], 4],
    ]);
  });

  it('reports a quote left open to the end of the file and reads the lines after it', () => {
    expect(everyCut('a,b\n1,"open\n2,x\n3,y', { header: true })).toEqual([
      [['a', 'b'], 1],
      [2, 'a quote is not closed before the end of the file'],
      [['2', 'x'], 3],
      [['3', 'y'], 4],
    ]);
  });

  it('reports a stray quote that closes lines later, and reads every line after it', () => {
    // The quote opened on line 2 closes on line 4: one record of the wrong width, or text after it.
    expect(read(['a,b,c\n1,"oops,x\n2,y,z\n3,w"\n4,u,t\n'], { header: true })).toEqual([
      [['a', 'b', 'c'], 1],
      [
        2,
        'a quoted field runs over 3 lines into a record of 2 fields, not 3 as in the header: is a quote not closed?',
      ],
      [['2', 'y', 'z'], 3],
      [4, 'expected 3 fields as in the header, found 2'],
      [['4', 'u', 't'], 5],
    ]);
    expect(read(['a,b\n1,"oops\n2,"x"y\n3,z\n'], { header: true })).toEqual([
      [['a', 'b'], 1],
      [2, 'a quoted field runs over 2 lines and is followed by text ("x"): is a quote not closed?'],
      [3, 'text after a closing quote: "y"'],
      [['3', 'z'], 4],
    ]);
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    expect(read(['a,b\n5" disk,x\n'], { header: true })).toEqual([
      [['a', 'b'], 1],
      [['5" disk', 'x'], 2],
    ]);
  });

  it('gives up on a quote still open after MAX_RECORD_CHARS, keeping memory bounded', () => {
    const long = 'x'.repeat(1000);
    const chunks = ['a,b\n1,"', ...Array.from({ length: 1100 }, () => `${long}\n`), 'end,y\n'];
    const out = read(chunks, { header: true });
    expect(out[1]).toEqual([2, `a quote is not closed within ${MAX_RECORD_CHARS} characters`]);
    // Each line after it is read on its own: one field where the header has two.
    expect(out[2]).toEqual([3, 'expected 2 fields as in the header, found 1']);
    expect(out.at(-1)).toEqual([['end', 'y'], 1102]);
    expect(out).toHaveLength(1102);
  });

  it('reports a line longer than MAX_RECORD_CHARS without holding it', () => {
    const chunk = 'y'.repeat(65_536);
    const chunks = ['a,b\n1,', ...Array.from({ length: 20 }, () => chunk), '\n2,z\n'];
    expect(read(chunks, { header: true })).toEqual([
      [['a', 'b'], 1],
      [2, `the line is longer than ${MAX_RECORD_CHARS} characters`],
      [['2', 'z'], 3],
    ]);
  });

  it('reads what csv-parse reads, for random well-formed files cut at random places', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (s: string) => s[Math.floor(random() * s.length)];
    const field = () => {
      const plain = Array.from({ length: Math.floor(random() * 6) }, () => pick('ab1 é')).join('');
      if (random() < 0.6) return plain;
      const quoted = Array.from({ length: Math.floor(random() * 6) }, () => pick('a,"\n\r ')).join(
        '',
      );
      return `"${quoted.replace(/"/g, '""')}"`;
    };
    for (let file = 0; file < 300; file++) {
      const width = 1 + Math.floor(random() * 4);
      const eol = random() < 0.5 ? '\n' : '\r\n';
      const lines = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
        Array.from({ length: width }, field).join(','),
      ).filter((l) => l !== '');
      const text = lines.join(eol) + (random() < 0.5 ? eol : '');
      const cut = Math.floor(random() * text.length);
      const ours = read([text.slice(0, cut), text.slice(cut)]).map((r) => r[0]);
      const theirs = parse(text, { relax_column_count: true, skip_empty_lines: true });
      expect(ours).toEqual(theirs);
    }
  });
});
