import { AppError, ErrorCode } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { afterCondition, key, listOrder } from './list-order.js';

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

  it('refuses to declare two orders of one name', () => {
    expect(() => listOrder<Row>('test.newest', 'ASC', [key.id()])).toThrow(/declared twice/);
  });
});
