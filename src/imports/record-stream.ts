import type { Readable } from 'node:stream';
import { AppError } from '../common/errors.js';
import { CsvLines, MAX_RECORD_CHARS } from './csv-lines.js';
import type { ErrorReporter } from './row-error.js';

export type ImportFormat = 'csv' | 'ndjson';

/** A value of an NDJSON line that is not text, a number or null: refused by the column that reads it. */
export class WrongType {
  constructor(readonly type: string) {}
}

export type FieldValue = string | null | WrongType;

/** A data line: its number in the file and its fields by (normalized) column name. */
export interface SourceRecord {
  line: number;
  fields: Record<string, FieldValue>;
}

/**
 * A column no kind reads, and that a plain object cannot hold as a field (assigning it would set the
 * object's prototype): ignored like any unknown column.
 */
const PROTO = '__proto__';

/** Header names are case- and spacing-tolerant: ` Shipped On ` and `shipped-on` are `shipped_on`. */
export const normalizeHeader = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');

/** Trimmed text, empty as null. */
const text = (s: string): string | null => {
  const v = s.trim();
  return v === '' ? null : v;
};

/** A JSON value as a field: text, a number as written, null; anything else a WrongType. */
const jsonField = (v: unknown): FieldValue => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return text(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return new WrongType('an array');
  return new WrongType(typeof v === 'boolean' ? String(v) : 'an object');
};

/**
 * Streams the records of a CSV file (header row first) or an NDJSON file (one JSON object a line).
 * A line that cannot be read (wrong number of fields, a quote not closed, bad JSON) is reported and
 * skipped; the rest go on.
 */
export async function* readRecords(
  input: Readable,
  format: ImportFormat,
  errors: ErrorReporter,
): AsyncGenerator<SourceRecord> {
  if (format === 'ndjson') yield* readNdjson(input, errors);
  else yield* readCsv(input, errors);
}

async function* readCsv(input: Readable, errors: ErrorReporter): AsyncGenerator<SourceRecord> {
  const csv = new CsvLines();
  let header: (string | null)[] | null = null;
  // Records and unreadable lines, in file order (so `--strict` stops at the first bad line).
  let ready: (SourceRecord | { line: number; error: string })[] = [];
  const sink = {
    record(values: string[], line: number) {
      if (!header) {
        header = values.map(normalizeHeader).map((name) => (name === PROTO ? null : name));
        csv.width = header.length;
        return;
      }
      const fields: Record<string, FieldValue> = {};
      for (let i = 0; i < header.length; i++) {
        const name = header[i];
        if (name !== null) fields[name] = text(values[i]);
      }
      ready.push({ line, fields });
    },
    unreadable(line: number, error: string) {
      if (!header) {
        throw AppError.badInput(`line ${line}: the header cannot be read: ${error}`, [
          { field: 'file', messages: ['the first line must be the header row'] },
        ]);
      }
      ready.push({ line, error });
    },
  };
  function* drain(): Generator<SourceRecord> {
    for (const item of ready) {
      if ('error' in item) errors.add(item.line, null, item.error);
      else yield item;
    }
    ready = [];
  }
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) {
    csv.push(chunk, sink);
    yield* drain();
  }
  csv.end(sink);
  yield* drain();
}

async function* readNdjson(input: Readable, errors: ErrorReporter): AsyncGenerator<SourceRecord> {
  let line = 0;
  let rest = '';
  let skipping = false;
  input.setEncoding('utf8');
  const parseLine = (raw: string): SourceRecord | null => {
    line++;
    if (line === 1 && raw.startsWith('\uFEFF')) raw = raw.slice(1);
    if (!raw.trim()) return null;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.add(line, null, 'not valid JSON');
      return null;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      errors.add(line, null, 'each line must be one JSON object');
      return null;
    }
    const fields: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(value)) {
      const name = normalizeHeader(k);
      if (name !== PROTO) fields[name] = jsonField(v);
    }
    return { line, fields };
  };
  for await (const chunk of input as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const raw of lines) {
      if (skipping) {
        skipping = false; // the end of the long line, already reported
        continue;
      }
      const record = parseLine(raw);
      if (record) yield record;
    }
    if (rest.length > MAX_RECORD_CHARS && !skipping) {
      errors.add(++line, null, `the line is longer than ${MAX_RECORD_CHARS} characters`);
      skipping = true;
    }
    if (skipping) rest = '';
  }
  const last = rest && !skipping ? parseLine(rest) : null;
  if (last) yield last;
}
