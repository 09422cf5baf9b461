import { AppError, ErrorCode } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { afterCondition, key, listOrder, orderByClause } from './list-order.js';

interface Row {
  id: string;
  partNumber: string;
  createdAt: Date;
  shippedOn: string;
}

const BY_PART = listOrder<Row>('test.partNumber', 'ASC', [
  key.text('part_number', (r) => r.partNumber),
  key.id(),
]);
const NEWEST = listOrder<Row>('test.newest', 'DESC', [
  key.instant('created_at', (r) => r.createdAt),
  key.id(),
]);
const BY_DAY = listOrder<Row>('test.day', 'DESC', [
  key.date('shipped_on', (r) => r.shippedOn),
  key.id(),
]);

const row: Row = {
  id: 'b3c1e1de-0000-4000-8000-000000000001',
  partNumber: 'TMS320F28335PGFA',
  createdAt: new Date('2024-03-01T10:00:00.123Z'),
  shippedOn: '2024-02-29',
};
const raw = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return String((e as AppError).extensions.code);
  }
  return undefined;
};

describe('cursor', () => {
  it('round-trips the sort values of its own order', () => {
    expect(decodeCursor(BY_PART, encodeCursor(BY_PART, row))).toEqual([row.partNumber, row.id]);
    expect(decodeCursor(NEWEST, encodeCursor(NEWEST, row))).toEqual([
      '2024-03-01T10:00:00.123Z',
      row.id,
    ]);
    expect(decodeCursor(BY_DAY, encodeCursor(BY_DAY, row))).toEqual(['2024-02-29', row.id]);
  });

  it('refuses a cursor of another order, naming both', () => {
    const foreign = encodeCursor(BY_PART, row);
    expect(() => decodeCursor(NEWEST, foreign)).toThrow(/test\.partNumber, not test\.newest/);
    expect(codeOf(() => decodeCursor(NEWEST, foreign))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it.each([
    ['not base64 json', 'garbage!'],
    ['not an array', raw([{ a: 1 }]).slice(0, 10)],
    ['no order name (the old format)', raw([row.partNumber, row.id])],
    ['wrong arity', raw(['test.partNumber', row.partNumber])],
    ['a number for a text key', raw(['test.partNumber', 12, row.id])],
    ['nested values', raw(['test.partNumber', ['x'], row.id])],
    ['a bad uuid', raw(['test.partNumber', 'A', 'not-a-uuid'])],
    ['a NUL byte', raw(['test.partNumber', 'A\u0000', row.id])],
    ['padding variants', `${encodeCursor(BY_PART, row)}=`],
  ])('refuses %s with BAD_USER_INPUT', (_label, cursor) => {
    expect(codeOf(() => decodeCursor(BY_PART, cursor))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it.each([
    ['a day that does not exist', raw(['test.day', '2023-02-29', row.id])],
    ['a time for a day', raw(['test.day', '2024-02-29T00:00:00.000Z', row.id])],
  ])('checks date keys: %s', (_label, cursor) => {
    expect(codeOf(() => decodeCursor(BY_DAY, cursor))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it.each([
    ['a day for an instant', raw(['test.newest', '2024-03-01', row.id])],
    ['an impossible instant', raw(['test.newest', '2024-13-01T00:00:00.000Z', row.id])],
  ])('checks instant keys: %s', (_label, cursor) => {
    expect(codeOf(() => decodeCursor(NEWEST, cursor))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('casts each cursor value to its key type in the keyset condition', () => {
    expect(afterCondition(NEWEST, 't', (i) => `$${i + 3}`)).toBe(
      '(t.created_at, t.id) < (CAST($3 AS timestamptz), CAST($4 AS uuid))',
    );
  });

  describe('a nullable key', () => {
    interface Dated {
      id: string;
      lastOn: string | null;
      score: number;
    }
    const LAST = listOrder<Dated>('test.last', 'DESC', [
      key.nullable('date', 'last_on', (r) => r.lastOn),
      key.id(),
    ]);
    const SCORE = listOrder<Dated>('test.score', 'DESC', [
      key.integer('score', (r) => r.score),
      key.id(),
    ]);
    const dated: Dated = { id: row.id, lastOn: null, score: 7 };

    it('carries null in its cursor; a key that is not nullable refuses null', () => {
      expect(decodeCursor(LAST, encodeCursor(LAST, dated))).toEqual([null, row.id]);
      expect(decodeCursor(SCORE, encodeCursor(SCORE, dated))).toEqual(['7', row.id]);
      expect(codeOf(() => decodeCursor(SCORE, raw(['test.score', null, row.id])))).toBe(
        ErrorCode.BAD_USER_INPUT,
      );
      expect(codeOf(() => decodeCursor(SCORE, raw(['test.score', '1e3', row.id])))).toBe(
        ErrorCode.BAD_USER_INPUT,
      );
    });

    it('sorts nulls last and spells the keyset condition out key by key', () => {
      expect(orderByClause(LAST, 't')).toBe('t.last_on DESC NULLS LAST, t.id DESC');
      expect(afterCondition(LAST, 't', (i) => `$${i + 1}`)).toBe(
        '(((CAST($1 AS date) IS NOT NULL AND (t.last_on < CAST($1 AS date) OR t.last_on IS NULL)))' +
          ' OR (t.last_on IS NOT DISTINCT FROM CAST($1 AS date) AND t.id < CAST($2 AS uuid)))',
      );
    });
  });

  it('refuses to declare two orders of one name', () => {
    expect(() => listOrder<Row>('test.newest', 'ASC', [key.id()])).toThrow(/declared twice/);
  });
});
