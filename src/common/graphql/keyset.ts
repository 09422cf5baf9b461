import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from './cursor.js';
import { Page, type PageArgs } from './connection.js';

/** One column of a keyset order: the SQL expression and how to read its value off an entity. */
export interface SortKey<E> {
  column: string;
  value: (row: E) => string | number | null;
}

export interface KeysetOptions<E, N> {
  /** Sort keys, all in `direction`; the last must be unique (the id) so the order is total. */
  keys: SortKey<E>[];
  direction?: 'ASC' | 'DESC';
  toNode: (row: E) => N;
}

/**
 * Keyset pagination over a filtered query: fetches `first + 1` rows after the cursor in a stable
 * order (one statement) and counts the filtered set only if `totalCount` is read (one more).
 */
export async function paginate<E extends ObjectLiteral, N>(
  qb: SelectQueryBuilder<E>,
  args: PageArgs,
  { keys, toNode, direction = 'ASC' }: KeysetOptions<E, N>,
): Promise<Page<N>> {
  const countQuery = qb.clone();
  const page = qb.clone();
  if (args.after) {
    const values = decodeCursor(args.after, keys.length);
    const params = Object.fromEntries(values.map((v, i) => [`cursor${i}`, v]));
    page.andWhere(
      `(${keys.map((k) => k.column).join(', ')}) ${direction === 'ASC' ? '>' : '<'} ` +
        `(${keys.map((_, i) => `:cursor${i}`).join(', ')})`,
      params,
    );
  }
  keys.forEach((k, i) =>
    i === 0 ? page.orderBy(k.column, direction) : page.addOrderBy(k.column, direction),
  );
  const rows = await page.limit(args.first + 1).getMany();
  const visible = rows.slice(0, args.first);
  const cursorOf = (row: E) => encodeCursor(keys.map((k) => k.value(row)));
  const edges = visible.map((row) => ({ cursor: cursorOf(row), node: toNode(row) }));
  return new Page(
    edges,
    {
      hasNextPage: rows.length > args.first,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    () => countQuery.getCount(),
  );
}
