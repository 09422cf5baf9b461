import type { EntityManager } from 'typeorm';
import { AppError, type FieldProblem } from '../common/errors.js';

type Fields = Record<string, string | null | undefined>;

/** Tables with `archived_at` that new records may point at only while they are not archived. */
export type ArchivableTable = 'organization' | 'component';

/**
 * Every id given must name a row of `table` that is not archived (an archived organization may have
 * been merged into another: new records must point at the one kept). Else BAD_USER_INPUT naming
 * each field. Runs in the caller's transaction.
 */
export async function assertLive(
  em: EntityManager,
  table: ArchivableTable,
  fields: Fields,
  what: string,
): Promise<void> {
  const given = Object.entries(fields)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([field, id]) => [field, id.toLowerCase()] as const);
  if (!given.length) return;
  const rows: { id: string; archived: boolean }[] = await em.query(
    `SELECT id, archived_at IS NOT NULL AS archived FROM ${table} WHERE id = ANY($1::uuid[])`,
    [[...new Set(given.map(([, id]) => id))]],
  );
  const found = new Map(rows.map((r) => [r.id, r.archived]));
  const problems: FieldProblem[] = given.flatMap(([field, id]): FieldProblem[] => {
    if (!found.has(id)) return [{ field, messages: [`${field}: no ${what} ${id}`] }];
    if (found.get(id)) return [{ field, messages: [`${field}: ${what} ${id} is archived`] }];
    return [];
  });
  if (problems.length) throw AppError.badInput(`Unknown or archived ${what}`, problems);
}
