/** The longest record read: a quote left open is reported once its record grows past this. */
export const MAX_RECORD_CHARS = 1 << 20;

/** Where CsvLines sends what it reads: each record with its first line, or a line it cannot read. */
export interface CsvSink {
  record(fields: string[], line: number): void;
  unreadable(line: number, message: string): void;
}

/** Where the parse of a quoted record stopped at the end of the text read so far. */
interface QuotedSoFar {
  fields: string[];
  field: string;
  /** Offset from the record's start. */
  at: number;
  quoted: boolean;
  closed: boolean;
  newlines: number;
}

type Parsed =
  | { kind: 'record'; fields: string[]; next: number; newlines: number }
  | { kind: 'incomplete'; partial: QuotedSoFar }
  | { kind: 'bad'; after: string; newlines: number };

/**
 * A small, fast CSV reader (RFC 4180): fields separated by commas, quoted with `"` when they hold a
 * comma, a quote (doubled) or a line break. Lines without quotes, the common case in customs data,
 * are split with `String.split`; only quoted lines go through the character loop.
 *
 * No line is lost: a record that cannot be read (a quote still open at the end of the file or after
 * MAX_RECORD_CHARS, text after a closing quote, a number of fields other than `width`) is reported at
 * its first line, and reading starts again at the next line, so a stray quote cannot swallow the
 * lines after it. Memory stays within about MAX_RECORD_CHARS whatever the file.
 */
export class CsvLines {
  /** The number of fields every record must have (the header's), once known. */
  width: number | null = null;
  private carry = '';
  /** Lines consumed before `carry`. */
  private line = 0;
  /** Inside a line longer than MAX_RECORD_CHARS (already reported): drop text up to its end. */
  private skipping = false;
  private started = false;
  /** The quoted record at the start of `carry`, parsed as far as it was read. */
  private partial: QuotedSoFar | null = null;

  /** Feeds a chunk of text. */
  push(chunk: string, sink: CsvSink): void {
    if (!this.started) {
      this.started = true;
      if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
    }
    this.read(this.carry + chunk, sink, false);
  }

  /** The end of the file: the last record, if the file does not end with a line break. */
  end(sink: CsvSink): void {
    const rest = this.carry;
    this.carry = '';
    if (rest) this.read(rest.endsWith('\n') ? rest : rest + '\n', sink, true);
  }

  private read(text: string, sink: CsvSink, final: boolean): void {
    let start = 0;
    if (this.skipping) {
      const end = text.indexOf('\n');
      if (end < 0) {
        this.carry = '';
        return;
      }
      this.skipping = false;
      start = end + 1;
    }
    let quote = text.indexOf('"', start);
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      if (quote !== -1 && quote < start) quote = text.indexOf('"', start);
      if (quote === -1 || quote > end) {
        let raw = text.slice(start, end);
        if (raw.endsWith('\r')) raw = raw.slice(0, -1);
        this.line++;
        start = end + 1;
        if (raw.length) this.emit(raw.split(','), this.line, sink);
        continue;
      }
      const parsed = parseQuoted(text, start, start === 0 ? this.partial : null);
      this.partial = null;
      const first = this.line + 1;
      if (parsed.kind === 'incomplete' && !final && text.length - start <= MAX_RECORD_CHARS) {
        this.partial = parsed.partial; // go on from there when more text comes
        break;
      }
      if (parsed.kind === 'record') {
        if (parsed.newlines === 0 || this.width === null || parsed.fields.length === this.width) {
          this.line += 1 + parsed.newlines;
          start = parsed.next;
          this.emit(parsed.fields, first, sink);
          continue;
        }
        // Several lines that do not make a record: most likely a stray quote; read on at the next line.
      }
      sink.unreadable(first, unreadableMessage(parsed, this.width, final));
      this.line++;
      start = end + 1;
    }
    const rest = text.slice(start);
    if (rest.length > MAX_RECORD_CHARS) {
      // No line break in sight: report the line now and drop it up to its end.
      sink.unreadable(++this.line, `the line is longer than ${MAX_RECORD_CHARS} characters`);
      this.skipping = true;
      this.carry = '';
      return;
    }
    this.carry = rest;
  }

  private emit(fields: string[], line: number, sink: CsvSink): void {
    if (this.width !== null && fields.length !== this.width) {
      sink.unreadable(
        line,
        `expected ${this.width} fields as in the header, found ${fields.length}`,
      );
    } else sink.record(fields, line);
  }
}

function unreadableMessage(parsed: Parsed, width: number | null, final: boolean): string {
  if (parsed.kind === 'bad') {
    const after = JSON.stringify(parsed.after);
    return parsed.newlines
      ? `a quoted field runs over ${parsed.newlines + 1} lines and is followed by text (${after}): is a quote not closed?`
      : `text after a closing quote: ${after}`;
  }
  if (parsed.kind === 'record') {
    return (
      `a quoted field runs over ${parsed.newlines + 1} lines into a record of ${parsed.fields.length} ` +
      `fields, not ${width} as in the header: is a quote not closed?`
    );
  }
  return final
    ? 'a quote is not closed before the end of the file'
    : `a quote is not closed within ${MAX_RECORD_CHARS} characters`;
}

/**
 * Parses one record starting at `start`, which holds a quote before its first line break; from
 * where an earlier call stopped when `resume` is given (the same record, more text).
 */
function parseQuoted(text: string, start: number, resume: QuotedSoFar | null): Parsed {
  const fields = resume?.fields ?? [];
  let field = resume?.field ?? '';
  let i = start + (resume?.at ?? 0);
  let quoted = resume?.quoted ?? false;
  let closed = resume?.closed ?? false;
  let newlines = resume?.newlines ?? 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (i + 1 === text.length) break; // a doubled quote or a closing one: wait and see
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        closed = true;
      } else {
        if (c === '\n') newlines++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      closed = false;
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      fields.push(field);
      return { kind: 'record', fields, next: c === '\n' ? i + 1 : i + 2, newlines };
    } else if (c === '\r' && i + 1 === text.length) {
      break; // a line break, or not: wait and see
    } else if (closed) {
      return { kind: 'bad', after: c, newlines };
    } else if (c === '"' && field === '') quoted = true;
    else field += c;
    i++;
  }
  return {
    kind: 'incomplete',
    partial: { fields, field, at: i - start, quoted, closed, newlines },
  };
}
