import { isUUID } from 'class-validator';

/** The SQL type of a sort key: a cursor's value is checked against it, then cast to it in SQL. */
export type SortKeyType = 'text' | 'char' | 'date' | 'timestamptz' | 'uuid';

const SQL_TYPE: Record<SortKeyType, string> = {
  text: 'text',
  char: 'bpchar',
  date: 'date',
  timestamptz: 'timestamptz',
  uuid: 'uuid',
};

/** One column of a keyset order: the listed table's column (no alias), its type, its value on a row. */
export interface SortKey<E> {
  column: string;
  type: SortKeyType;
  value: (row: E) => string;
}

/**
 * One order of one list, declared once and shared by the list's service (`paginate`) and its
 * loaders (`relationPages`). Its name goes into every cursor it makes, so a cursor is only ever
 * read back by the order that made it.
 */
export interface ListOrder<E> {
  /** Unique across the service, e.g. `component.partNumber`. */
  name: string;
  direction: 'ASC' | 'DESC';
  /** Sort keys, all in `direction`; the last one unique (the id), so the order is total. */
  keys: readonly SortKey<E>[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Whether a cursor's value can be cast to its key's SQL type. */
export const validKeyValue: Record<SortKeyType, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && !v.includes('\0'),
  char: (v) => typeof v === 'string' && /^[A-Za-z0-9]{1,16}$/.test(v),
  date: (v) =>
    typeof v === 'string' && DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  timestamptz: (v) => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)),
  uuid: (v) => typeof v === 'string' && isUUID(v),
};

const orders = new Map<string, ListOrder<unknown>>();

/** Declares an order; two orders of the same name would read each other's cursors, so that throws. */
export function listOrder<E>(
  name: string,
  direction: 'ASC' | 'DESC',
  keys: readonly SortKey<E>[],
): ListOrder<E> {
  if (orders.has(name)) throw new Error(`list order ${name} is declared twice`);
  const order = { name, direction, keys };
  orders.set(name, order as ListOrder<unknown>);
  return order;
}

/** Sort-key helpers for the common columns. */
export const key = {
  text: <E>(column: string, value: (row: E) => string): SortKey<E> => ({
    column,
    type: 'text',
    value,
  }),
  char: <E>(column: string, value: (row: E) => string): SortKey<E> => ({
    column,
    type: 'char',
    value,
  }),
  date: <E>(column: string, value: (row: E) => string): SortKey<E> => ({
    column,
    type: 'date',
    value,
  }),
  instant: <E>(column: string, value: (row: E) => Date): SortKey<E> => ({
    column,
    type: 'timestamptz',
    value: (row) => value(row).toISOString(),
  }),
  id: <E extends { id: string }>(): SortKey<E> => ({
    column: 'id',
    type: 'uuid',
    value: (r) => r.id,
  }),
};

/**
 * The keyset condition "after this cursor" on `alias`, with the cursor's values as numbered
 * parameters from `$first` on, each cast to its key's type: `(t.a, t.id) > ($3::text, $4::uuid)`.
 */
export function afterCondition<E>(
  order: ListOrder<E>,
  alias: string,
  placeholder: (index: number) => string,
): string {
  const columns = order.keys.map((k) => `${alias}.${k.column}`).join(', ');
  const values = order.keys
    .map((k, i) => `CAST(${placeholder(i)} AS ${SQL_TYPE[k.type]})`)
    .join(', ');
  return `(${columns}) ${order.direction === 'ASC' ? '>' : '<'} (${values})`;
}

/** `ORDER BY` of the order on `alias`. */
export const orderByClause = <E>(order: ListOrder<E>, alias: string): string =>
  order.keys.map((k) => `${alias}.${k.column} ${order.direction}`).join(', ');
