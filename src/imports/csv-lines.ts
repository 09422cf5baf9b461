/**
 * A small, fast CSV reader (RFC 4180): fields separated by commas, quoted with `"` when they hold a
 * comma, a quote (doubled) or a line break. Lines without quotes, the common case in customs data,
 * are split with `String.split`; only quoted lines go through the character loop.
 */
export class CsvLines {
  private carry = '';
  private line = 0;

  /** Feeds a chunk of text; calls `onRecord(fields, firstLine)` for each complete record. */
  push(chunk: string, onRecord: (fields: string[], line: number) => void): void {
    const text = this.carry + chunk;
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      let raw = text.slice(start, end);
      if (raw.includes('"')) {
        const parsed = parseQuoted(text, start);
        if (!parsed) break; // a quoted field runs past this chunk: wait for more
        this.line++;
        const first = this.line;
        this.line += parsed.newlines;
        start = parsed.next;
        onRecord(parsed.fields, first);
        continue;
      }
      if (raw.endsWith('\r')) raw = raw.slice(0, -1);
      this.line++;
      start = end + 1;
      if (raw.length) onRecord(raw.split(','), this.line);
    }
    this.carry = text.slice(start);
  }

  /** The last record, if the file does not end with a line break. */
  end(onRecord: (fields: string[], line: number) => void): void {
    if (this.carry.length) this.push('\n', onRecord);
    this.carry = '';
  }
}

/** Parses one record starting at `start`; null if it is not complete in `text`. */
function parseQuoted(
  text: string,
  start: number,
): { fields: string[]; next: number; newlines: number } | null {
  const fields: string[] = [];
  let field = '';
  let i = start;
  let quoted = false;
  let newlines = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') newlines++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
      return { fields, next: i + 1, newlines };
    } else field += c;
    i++;
  }
  return null;
}
