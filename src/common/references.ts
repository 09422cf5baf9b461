import type { EntityManager } from 'typeorm';
import { AppError, type FieldProblem } from './errors.js';

/** Input fields holding ids, by field name (`{ exporterId, importerId }`); unset ones are skipped. */
export type ReferenceFields = Record<string, string | null | undefined>;

export interface ReferenceOptions {
  /** The row must also not be archived (tables with `archived_at`): new records point at live ones. */
  live?: boolean;
  /** What a row is called in messages; the table name with spaces by default. */
  what?: string;
}

const TABLE = /^[a-z][a-z_]*$/;

/**
 * The one reference check: every id given must name a row of `table` (and, with `live`, one that
 * is not archived: an archived organization may have been merged into another). Otherwise
 * BAD_USER_INPUT naming each field. Ids are compared as stored (lower case: inputs pass `IsId`).
 * Runs in the caller's transaction; one statement whatever the number of fields.
 */
export async function assertReferences(
  em: EntityManager,
  table: string,
  fields: ReferenceFields,
  { live = false, what = table.replace(/_/g, ' ') }: ReferenceOptions = {},
): Promise<void> {
  if (!TABLE.test(table)) throw new Error(`not a table name: ${table}`);
  const given = Object.entries(fields).filter(
    (e): e is [string, string] => typeof e[1] === 'string',
  );
  if (!given.length) return;
  const rows: { id: string; archived: boolean }[] = await em.query(
    `SELECT id, ${live ? 'archived_at IS NOT NULL' : 'false'} AS archived
       FROM ${table} WHERE id = ANY($1::uuid[])`,
    [[...new Set(given.map(([, id]) => id))]],
  );
  const found = new Map(rows.map((r) => [r.id, r.archived]));
  const problems: FieldProblem[] = given.flatMap(([field, id]): FieldProblem[] => {
    if (!found.has(id)) return [{ field, messages: [`${field}: no ${what} ${id}`] }];
    if (found.get(id)) return [{ field, messages: [`${field}: ${what} ${id} is archived`] }];
    return [];
  });
  if (problems.length) {
    throw AppError.badInput(`Unknown${live ? ' or archived' : ''} ${what}`, problems);
  }
}
