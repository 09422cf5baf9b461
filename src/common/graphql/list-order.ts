import { isUUID } from 'class-validator';

/** The SQL type of a sort key: a cursor's value is checked against it, then cast to it in SQL. */
export type SortKeyType = 'text' | 'char' | 'date' | 'timestamptz' | 'uuid' | 'integer' | 'numeric';

const SQL_TYPE: Record<SortKeyType, string> = {
  text: 'text',
  char: 'bpchar',
  date: 'date',
  timestamptz: 'timestamptz',
  uuid: 'uuid',
  integer: 'integer',
  numeric: 'numeric',
};

/** One column of a keyset order: the listed table's column (no alias), its type, its value on a row. */
export interface SortKey<E> {
  column: string;
  type: SortKeyType;
  /** The row's value as text; null only on a `nullable` key. */
  value: (row: E) => string | null;
  /** The column may hold null: nulls sort last in either direction, and a cursor may carry null. */
  nullable?: boolean;
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
  integer: (v) => typeof v === 'string' && /^-?\d{1,9}$/.test(v),
  numeric: (v) => typeof v === 'string' && /^-?\d{1,30}(\.\d{1,10})?$/.test(v),
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
  integer: <E>(column: string, value: (row: E) => number): SortKey<E> => ({
    column,
    type: 'integer',
    value: (row) => String(value(row)),
  }),
  /** A `numeric` column, as the driver reads it (text, so no precision is lost). */
  numeric: <E>(column: string, value: (row: E) => string): SortKey<E> => ({
    column,
    type: 'numeric',
    value,
  }),
  /** A column that may hold null: nulls sort last, whichever the direction. */
  nullable: <E>(
    type: SortKeyType,
    column: string,
    value: (row: E) => string | null,
  ): SortKey<E> => ({ column, type, value, nullable: true }),
  id: <E extends { id: string }>(): SortKey<E> => ({
    column: 'id',
    type: 'uuid',
    value: (r) => r.id,
  }),
};

/**
 * The keyset condition "after this cursor" on `alias`, with the cursor's values as numbered
 * parameters from `$first` on, each cast to its key's type: `(t.a, t.id) > ($3::text, $4::uuid)`.
 * With a nullable key a row comparison would drop the nulls (null compares to nothing), so the
 * order is spelt out key by key, nulls last: a key decides when every key before it is equal.
 */
export function afterCondition<E>(
  order: ListOrder<E>,
  alias: string,
  placeholder: (index: number) => string,
): string {
  const op = order.direction === 'ASC' ? '>' : '<';
  const column = (k: SortKey<E>) => `${alias}.${k.column}`;
  const value = (k: SortKey<E>, i: number) => `CAST(${placeholder(i)} AS ${SQL_TYPE[k.type]})`;
  if (!order.keys.some((k) => k.nullable)) {
    const columns = order.keys.map(column).join(', ');
    const values = order.keys.map(value).join(', ');
    return `(${columns}) ${op} (${values})`;
  }
  const equal = (k: SortKey<E>, i: number) =>
    `${column(k)} ${k.nullable ? 'IS NOT DISTINCT FROM' : '='} ${value(k, i)}`;
  const beyond = (k: SortKey<E>, i: number) =>
    k.nullable
      ? `(${value(k, i)} IS NOT NULL AND (${column(k)} ${op} ${value(k, i)} OR ${column(k)} IS NULL))`
      : `${column(k)} ${op} ${value(k, i)}`;
  const branches = order.keys.map(
    (k, i) => `(${[...order.keys.slice(0, i).map(equal), beyond(k, i)].join(' AND ')})`,
  );
  return `(${branches.join(' OR ')})`;
}

/** `ORDER BY` of the order on `alias`. */
export const orderByClause = <E>(order: ListOrder<E>, alias: string): string =>
  order.keys
    .map((k) => `${alias}.${k.column} ${order.direction}${k.nullable ? ' NULLS LAST' : ''}`)
    .join(', ');
