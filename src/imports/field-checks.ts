import { detach } from './memoize.js';
import type { FieldValue } from './record-stream.js';
import type { ErrorSink } from './row-error.js';

const days = new Map<string, number | null>();

/**
 * Midnight UTC of a `YYYY-MM-DD` date that exists, else null (cached: a file repeats its dates). Year
 * 0000 does not exist for PostgreSQL.
 */
function dayTime(v: string): number | null {
  let time = days.get(v);
  if (time === undefined) {
    const day = /^(?!0000)\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
    time =
      day && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v) ? day.getTime() : null;
    if (days.size > 100_000) days.clear();
    days.set(detach(v), time);
  }
  return time;
}

/** `YYYY-MM-DD`, then optionally a time (`T` or a space, seconds and fraction optional) and a zone. */
const ISO_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The parts of an ISO_TIME match as one string `Date` reads the same everywhere (UTC unless zoned). */
function isoUtc([, day, hh = '00', mm = '00', ss = '00', fraction = '', zone = 'Z']: string[]) {
  const offset = zone.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return `${day}T${hh}:${mm}:${ss}${fraction.slice(0, 4)}${offset}`;
}

/**
 * Checks of one field of one line, done while the file streams in: each answers the value to stage
 * (normalized), or records an error naming the line and column and answers `undefined`.
 */
export class LineChecker {
  ok = true;

  constructor(
    private readonly errors: ErrorSink,
    readonly line: number,
    private readonly fields: Record<string, FieldValue>,
    /** The codes of the `country` table, read once per import. */
    private readonly countries: ReadonlySet<string>,
  ) {}

  private fail(column: string, message: string): undefined {
    this.ok = false;
    this.errors.add(this.line, column, message);
    return undefined;
  }

  /** Raw text, or null; `required` makes a missing value an error. */
  text(column: string, { required = false, max = 2000 } = {}): string | null | undefined {
    const v = this.fields[column] ?? null;
    if (v === null) return required ? this.fail(column, `missing ${column}`) : null;
    if (typeof v !== 'string')
      return this.fail(column, `${column} must be text or a number, not ${v.type}`);
    if (v.includes('\u0000')) return this.fail(column, `${column} contains a NUL character`);
    if (v.length > max) return this.fail(column, `${column} is longer than ${max} characters`);
    return v;
  }

  /** YYYY-MM-DD that exists and is not in the future. */
  date(column: string, { required = false, future = false } = {}): string | null | undefined {
    const v = this.text(column, { required });
    if (!v) return v;
    const time = dayTime(v);
    if (time === null) return this.fail(column, `bad date ${JSON.stringify(v)}: write YYYY-MM-DD`);
    if (!future && time > Date.now()) return this.fail(column, `${column} ${v} is in the future`);
    return v;
  }

  /**
   * An ISO 8601 date and time, not in the future: `2023-09-28T09:00:00+03:00`, a space for the `T`,
   * seconds optional; without a zone it is UTC, and a date alone is midnight UTC.
   */
  timestamp(column: string, { required = false } = {}): string | null | undefined {
    const v = this.text(column, { required });
    if (!v) return v;
    const parts = ISO_TIME.exec(v);
    const at = parts && dayTime(parts[1]) !== null ? new Date(isoUtc(parts)) : null;
    if (!at || Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1)
      return this.fail(column, `bad date and time ${JSON.stringify(v)}: write ISO 8601`);
    if (at.getTime() > Date.now()) return this.fail(column, `${column} ${v} is in the future`);
    return at.toISOString();
  }

  /** Two letters of a known country, upper-cased. */
  country(column: string, { required = false } = {}): string | null | undefined {
    const v = this.text(column, { required });
    if (!v) return v;
    const code = v.toUpperCase();
    if (!/^[A-Z]{2}$/.test(code))
      return this.fail(column, `unknown country ${JSON.stringify(v)}: use ISO 3166-1 alpha-2`);
    return this.countries.has(code) ? code : this.fail(column, `unknown country ${code}`);
  }

  /** Six digits of a real chapter (01–97); `8542.31` is `854231`. */
  hsCode(column: string, { required = false } = {}): string | null | undefined {
    const v = this.text(column, { required });
    if (!v) return v;
    const code = v.replace(/[\s.]/g, '');
    const chapter = Number(code.slice(0, 2));
    if (!/^\d{6}$/.test(code) || chapter < 1 || chapter > 97) {
      return this.fail(column, `bad HS code ${JSON.stringify(v)}: six digits of chapters 01–97`);
    }
    return code;
  }

  /** A number ≥ 0 (and < 10^15), as text for the database to cast. */
  amount(column: string, { required = false, integer = false } = {}): string | null | undefined {
    const v = this.text(column, { required });
    if (!v) return v;
    const n = Number(v);
    if (!/^-?\d+(\.\d+)?$/.test(v) || !Number.isFinite(n))
      return this.fail(column, `${column} is not a number: ${JSON.stringify(v)}`);
    if (n < 0) return this.fail(column, `negative ${column}`);
    if (n >= 1e15) return this.fail(column, `${column} is too large`);
    if (integer && !Number.isInteger(n))
      return this.fail(column, `${column} must be a whole number`);
    return v;
  }

  /** One of `values` (case-insensitive), upper-cased. */
  oneOf<T extends string>(
    column: string,
    values: readonly T[],
    { required = false } = {},
  ): T | null | undefined {
    const v = this.text(column, { required });
    if (!v) return v as null | undefined;
    const up = v.toUpperCase().replace(/[\s-]+/g, '_') as T;
    return values.includes(up)
      ? up
      : this.fail(column, `${column} must be one of ${values.join(', ')}`);
  }

  /** Refuses the line for a reason found by the caller. */
  reject(column: string, message: string): undefined {
    return this.fail(column, message);
  }

  /** A value computed from others that must not come out empty. */
  derived(column: string, value: string | null, message: string): string | null | undefined {
    return value === '' ? this.fail(column, message) : value;
  }
}
