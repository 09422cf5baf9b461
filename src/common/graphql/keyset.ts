import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from './cursor.js';
import { Page, type PageArgs } from './connection.js';
import { afterCondition, type ListOrder } from './list-order.js';

export interface KeysetOptions<E, N> {
  order: ListOrder<E>;
  toNode: (row: E) => N;
}

/**
 * Keyset pagination over a filtered query (alias of the listed table: the query builder's main
 * alias): fetches `first + 1` rows after the cursor in the order's stable sequence (one statement)
 * and counts the filtered set only if `totalCount` is read (one more).
 */
export async function paginate<E extends ObjectLiteral, N>(
  qb: SelectQueryBuilder<E>,
  args: PageArgs,
  { order, toNode }: KeysetOptions<E, N>,
): Promise<Page<N>> {
  const after = args.after ? decodeCursor(order, args.after) : null;
  const countQuery = qb.clone();
  const page = qb.clone();
  if (after) {
    page.andWhere(
      afterCondition(order, qb.alias, (i) => `:cursor${i}`),
      Object.fromEntries(after.map((v, i) => [`cursor${i}`, v])),
    );
  }
  order.keys.forEach((k, i) => {
    const nulls = k.nullable ? 'NULLS LAST' : undefined;
    if (i === 0) page.orderBy(`${qb.alias}.${k.column}`, order.direction, nulls);
    else page.addOrderBy(`${qb.alias}.${k.column}`, order.direction, nulls);
  });
  const rows = await page.limit(args.first + 1).getMany();
  const edges = rows
    .slice(0, args.first)
    .map((row) => ({ cursor: encodeCursor(order, row), node: toNode(row) }));
  return new Page(
    edges,
    { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
    () => countQuery.getCount(),
  );
}
