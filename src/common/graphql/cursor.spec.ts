import { AppError, ErrorCode } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursor', () => {
  it('round-trips the sort values', () => {
    const values = ['TMS320F28335PGFA', 'b3c1e1de-0000-4000-8000-000000000001'];
    expect(decodeCursor(encodeCursor(values), 2)).toEqual(values);
  });

  it.each([
    ['not base64 json', 'garbage!'],
    ['wrong arity', encodeCursor(['only-one'])],
    ['not an array', Buffer.from('{"a":1}').toString('base64url')],
    ['nested values', encodeCursor([['x'] as unknown as string, 'y'])],
    ['padding variants', encodeCursor(['a', 'b']) + '='],
  ])('rejects %s with BAD_USER_INPUT', (_label, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor, 2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions.code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
