import type { Readable } from 'node:stream';
import { CsvLines } from './csv-lines.js';
import type { ErrorReporter } from './row-error.js';

export type ImportFormat = 'csv' | 'ndjson';

/** A data line: its number in the file and its fields by (normalized) column name. */
export interface SourceRecord {
  line: number;
  fields: Record<string, string | null>;
}

/** Header names are case- and spacing-tolerant: ` Shipped On ` and `shipped-on` are `shipped_on`. */
export const normalizeHeader = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s =
    typeof v === 'string'
      ? v.trim()
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : JSON.stringify(v);
  return s === '' ? null : s;
};

/**
 * Streams the records of a CSV file (header row first) or an NDJSON file (one JSON object a line).
 * A line that cannot be read (wrong number of fields, bad JSON) is reported and skipped; the rest go on.
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
  let header: string[] | null = null;
  // Records and unreadable lines, in file order (so `--strict` stops at the first bad line).
  let ready: (SourceRecord | { line: number; error: string })[] = [];
  const onRecord = (values: string[], line: number) => {
    if (!header) {
      header = values.map(normalizeHeader);
      return;
    }
    if (values.length !== header.length) {
      const error = `expected ${header.length} fields as in the header, found ${values.length}`;
      ready.push({ line, error });
      return;
    }
    const fields: Record<string, string | null> = {};
    for (let i = 0; i < header.length; i++) fields[header[i]] = text(values[i]);
    ready.push({ line, fields });
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
    csv.push(chunk, onRecord);
    yield* drain();
  }
  csv.end(onRecord);
  yield* drain();
}

async function* readNdjson(input: Readable, errors: ErrorReporter): AsyncGenerator<SourceRecord> {
  let line = 0;
  let rest = '';
  input.setEncoding('utf8');
  const parseLine = (raw: string): SourceRecord | null => {
    line++;
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
    const fields: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(value)) fields[normalizeHeader(k)] = text(v);
    return { line, fields };
  };
  for await (const chunk of input as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const raw of lines) {
      const record = parseLine(raw);
      if (record) yield record;
    }
  }
  const last = rest ? parseLine(rest) : null;
  if (last) yield last;
}
