import type { QueryRunner } from 'typeorm';

/** A foreign key of the table a bulk merge writes: its columns and the table and key they point to. */
export interface Reference {
  columns: readonly string[];
  table: string;
  key: string;
}

/**
 * PostgreSQL checks a foreign key with a trigger that runs one look-up per written row and key: for
 * `shipment`'s seven keys that is most of a bulk import's time (92 s of a million rows against 28 s
 * without them, measured). A batch merge checks its references once per distinct value instead
 * (`referenceCheck`), and, when the database role may, suspends the row triggers for the statement
 * that writes (`session_replication_role = replica`, as `pg_restore` does). The declared keys stay
 * in force for every other write. Answers whether the triggers are suspended.
 */
export async function suspendRowTriggers(q: QueryRunner): Promise<boolean> {
  const [{ allowed }] = (await q.query(
    `SELECT has_parameter_privilege('session_replication_role', 'SET') AS allowed`,
  )) as { allowed: boolean }[];
  if (allowed) await q.query('SET LOCAL session_replication_role = replica');
  return allowed;
}

export async function resumeRowTriggers(q: QueryRunner): Promise<void> {
  await q.query('SET LOCAL session_replication_role = origin');
}

/**
 * The CTEs and select-list item that check what the data-modifying CTE `written` references: each
 * distinct value is looked up and locked `FOR KEY SHARE`, as the foreign-key trigger would lock it,
 * so it cannot be deleted or re-keyed before the batch commits. `missing` counts the values that name
 * no row; the caller fails the batch when it is not zero.
 */
export function referenceCheck(references: readonly Reference[]): {
  ctes: string;
  missing: string;
} {
  const ctes = references.map((r, i) => {
    const values = r.columns
      .map((c) => `SELECT DISTINCT ${c} AS v FROM written WHERE ${c} IS NOT NULL`)
      .join(' UNION ');
    return `ref${i} AS (${values}),
      found${i} AS (SELECT t.${r.key} FROM ${r.table} t WHERE t.${r.key} IN (SELECT v FROM ref${i}) FOR KEY SHARE)`;
  });
  const missing = references
    .map((_, i) => `(SELECT count(*) FROM ref${i}) - (SELECT count(*) FROM found${i})`)
    .join(' + ');
  return { ctes: ctes.join(',\n'), missing: `${missing} AS missing` };
}
