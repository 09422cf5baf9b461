import { AppError } from '../errors.js';

/** Keyset position of a row in a list: the values of its sort columns, last of them the id. */
export type CursorValues = (string | number | null)[];

export const encodeCursor = (values: CursorValues): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

/** Decodes a cursor made by `encodeCursor` for a sort of `arity` columns; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, arity: number): CursorValues {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const valid =
    Array.isArray(values) &&
    values.length === arity &&
    values.every((v) => v === null || typeof v === 'string' || typeof v === 'number') &&
    encodeCursor(values as CursorValues) === cursor;
  if (!valid) {
    throw AppError.badInput('Invalid cursor: pass an `endCursor` from a previous page', [
      { field: 'after', messages: ['after must be a cursor returned by this list'] },
    ]);
  }
  return values as CursorValues;
}
