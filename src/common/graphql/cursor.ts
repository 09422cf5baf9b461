import { AppError } from '../errors.js';
import { type ListOrder, validKeyValue } from './list-order.js';

/**
 * A cursor is the keyset position of a row in one order of one list: base64url of the JSON array
 * `[orderName, ...sortValues]`. It names its order, so a cursor from another list or another
 * `orderBy` is refused instead of silently answering a wrong page.
 */
export const encodeCursor = <E>(order: ListOrder<E>, row: E): string =>
  encode([order.name, ...order.keys.map((k) => k.value(row))]);

const encode = (values: unknown[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

const refuse = (why: string) =>
  AppError.badInput(
    `Invalid cursor: ${why}; pass an \`endCursor\` from a previous page of this list`,
    [{ field: 'after', messages: ['after must be a cursor returned by this list in this order'] }],
  );

/** The sort values of a cursor made by `order`; anything else is BAD_USER_INPUT on `after`. */
export function decodeCursor<E>(order: ListOrder<E>, cursor: string): (string | null)[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse('it does not decode');
  }
  if (!Array.isArray(values) || encode(values) !== cursor) throw refuse('it does not decode');
  const [name, ...keys] = values as unknown[];
  if (name !== order.name) {
    throw refuse(
      typeof name === 'string'
        ? `it was made by the order ${name}, not ${order.name}`
        : 'it names no order',
    );
  }
  if (
    keys.length !== order.keys.length ||
    !order.keys.every((k, i) => (k.nullable && keys[i] === null) || validKeyValue[k.type](keys[i]))
  )
    throw refuse(`its values do not fit the order ${order.name}`);
  return keys as (string | null)[];
}
