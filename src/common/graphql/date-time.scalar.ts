import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from '../errors.js';

/**
 * RFC 3339 date-time (section 5.6): `2024-02-29T13:05:00Z`, `2024-02-29T16:05:00.5+03:00`. The
 * date must exist in the calendar and the time on the clock; no other form is read (JavaScript's
 * own parser takes `1`, `March 7, 2024` and rolls 30 February over into March).
 */
const RFC_3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant an RFC 3339 date-time names; null for anything else. */
export function parseRfc3339(text: string): Date | null {
  const m = RFC_3339.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  // Leap seconds (second 60) cannot be represented by the database or by JavaScript: refused.
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return null;
  const at = new Date(text.toUpperCase());
  return Number.isNaN(at.getTime()) ? null : at;
}

const invalid = (shown: string) =>
  new GraphQLError(
    `DateTime must be an RFC 3339 date-time with a real date, such as 2024-02-29T13:05:00Z; got ${shown}`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT } },
  );

const fromText = (value: unknown): Date => {
  if (typeof value !== 'string') throw invalid(typeof value);
  const at = parseRfc3339(value);
  if (!at) throw invalid(JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value));
  return at;
};

/** The `DateTime` of the schema: read strictly as RFC 3339, written as ISO 8601 in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant as an RFC 3339 date-time with a real calendar date, e.g. `2024-02-29T13:05:00Z` or `2024-02-29T16:05:00+03:00`; answered in UTC.',
  serialize(value) {
    const at = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(at.getTime()))
      throw new TypeError('DateTime cannot represent an invalid date');
    return at.toISOString();
  },
  parseValue: fromText,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind);
    return fromText(ast.value);
  },
});
