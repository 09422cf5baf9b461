import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Page, type PageArgs } from './connection.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { afterCondition, type ListOrder, orderByClause } from './list-order.js';

/** A one-to-many relation shown as a connection on each parent (`organization.components`). */
export type RelationSpec<E extends ObjectLiteral, N> = RelationRows<E, N> &
  (
    | {
        /** The child's column that holds the parent id, e.g. `manufacturer_id`. */
        parentColumn: string;
        parentMatch?: never;
      }
    | {
        /**
         * When no one column holds the parent id: the SQL condition under which child `t` belongs
         * to parent `p.parent_id`, e.g. `t.party_path @> ARRAY[p.parent_id]`.
         */
        parentMatch: string;
        parentColumn?: never;
      }
  );

interface RelationRows<E extends ObjectLiteral, N> {
  entity: EntityTarget<E>;
  /** Extra SQL condition on the child, alias `t`, e.g. `t.archived_at IS NULL`. */
  where?: string;
  /** The order of the pages: one of the child list's own orders. */
  order: ListOrder<E>;
  toNode: (row: E) => N;
}

export interface RelationPages<N> {
  /** The page of children of one parent; batched with every other parent of the same request. */
  load(parentId: string, args: PageArgs): Promise<Page<N>>;
}

interface PageKey {
  parentId: string;
  first: number;
  after: (string | null)[] | null;
  afterText: string;
}

/** Turns a raw row (column names) into an entity, with TypeORM's own value conversions. */
export function hydrate<E extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<E>,
  raw: Record<string, unknown>,
): E {
  const meta = ds.getMetadata(entity);
  const row = meta.create() as E;
  for (const column of meta.columns) {
    column.setEntityValue(row, ds.driver.prepareHydratedValue(raw[column.databaseName], column));
  }
  return row;
}

/**
 * Pages of children for many parents in one statement: a LATERAL join runs the keyset query of each
 * parent (so a hub with a million children reads only its page, through the index), and totals come
 * from one GROUP BY, only when `totalCount` is read. One statement per level of a nested query,
 * whatever the page size.
 */
export function relationPages<E extends ObjectLiteral, N>(
  ds: DataSource,
  spec: RelationSpec<E, N>,
): RelationPages<N> {
  const meta = ds.getMetadata(spec.entity);
  const table = meta.tablePath
    .split('.')
    .map((p) => `"${p}"`)
    .join('.');
  const where = spec.where ? `AND (${spec.where})` : '';
  const match = spec.parentColumn ? `t.${spec.parentColumn} = p.parent_id` : spec.parentMatch;
  const order = orderByClause(spec.order, 't');

  const pages = new DataLoader<PageKey, Page<N>, string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const group = `${key.first}|${key.afterText}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const byKey = new Map<PageKey, Page<N>>();
      for (const group of groups.values()) {
        const { first, after } = group[0];
        const params: unknown[] = [group.map((k) => k.parentId), first + 1];
        const base = params.length;
        if (after) params.push(...after);
        const cursor = after
          ? `AND ${afterCondition(spec.order, 't', (i) => `$${base + i + 1}`)}`
          : '';
        const raw: Record<string, unknown>[] = await ds.query(
          `SELECT p.parent_id AS "__parent", x.* FROM unnest($1::uuid[]) AS p(parent_id)
           CROSS JOIN LATERAL (
             SELECT t.* FROM ${table} t
              WHERE ${match} ${where} ${cursor}
              ORDER BY ${order} LIMIT $2
           ) x`,
          params,
        );
        const rowsByParent = new Map<string, E[]>();
        for (const r of raw) {
          const parent = String(r.__parent);
          rowsByParent.set(parent, [
            ...(rowsByParent.get(parent) ?? []),
            hydrate(ds, spec.entity, r),
          ]);
        }
        for (const key of group) byKey.set(key, toPage(rowsByParent.get(key.parentId) ?? [], key));
      }
      return keys.map((k) => byKey.get(k)!);
    },
    { cacheKeyFn: (k) => `${k.parentId}|${k.first}|${k.afterText}` },
  );

  const counts = new DataLoader<string, number>(async (parentIds) => {
    const rows: { parent_id: string; n: number }[] = await ds.query(
      spec.parentColumn
        ? `SELECT t.${spec.parentColumn} AS parent_id, count(*)::int AS n FROM ${table} t
            WHERE t.${spec.parentColumn} = ANY($1::uuid[]) ${where} GROUP BY 1`
        : `SELECT p.parent_id, count(*)::int AS n FROM unnest($1::uuid[]) AS p(parent_id)
             JOIN ${table} t ON ${match} ${where} GROUP BY 1`,
      [parentIds],
    );
    const byParent = new Map(rows.map((r) => [r.parent_id, r.n]));
    return parentIds.map((id) => byParent.get(id) ?? 0);
  });

  const toPage = (rows: E[], key: PageKey): Page<N> => {
    const visible = rows.slice(0, key.first);
    const edges = visible.map((row) => ({
      cursor: encodeCursor(spec.order, row),
      node: spec.toNode(row),
    }));
    const pageInfo = {
      hasNextPage: rows.length > key.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
    return new Page(edges, pageInfo, () => counts.load(key.parentId));
  };

  return {
    load(parentId, args) {
      const after = args.after ? decodeCursor(spec.order, args.after) : null;
      return pages.load({ parentId, first: args.first, after, afterText: args.after ?? '' });
    },
  };
}
