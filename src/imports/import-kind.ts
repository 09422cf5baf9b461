import type { QueryRunner } from 'typeorm';
import type { LineChecker } from './field-checks.js';
import type { MakerNames } from './maker-names.js';
import type { RowError } from './row-error.js';

export interface ImportContext {
  /** The dataset the rows come from (`--source`). */
  source: string;
  /** Flags every row the import creates or writes as synthetic (generated data). */
  synthetic: boolean;
  /** The `import_run` recording the import, which shipments name as their last writer. */
  runId: string | null;
  /** The other names of the known manufacturers, read at the start of the import. */
  makers: MakerNames;
}

export interface MergeResult {
  inserted: number;
  updated: number;
  /** Rows refused by the set-based checks (unknown country, duplicate key, ...). */
  rejected: RowError[];
}

/**
 * One kind of import file: which columns it reads, how one line is checked and normalized while the
 * file streams (Node side), and how a batch staged in the temporary table `import_stage` is
 * validated and merged into the domain tables (set-based SQL, in the batch's transaction).
 */
export interface ImportKind {
  name: string;
  /** Columns of `import_stage` after `line` (all text). */
  stageColumns: readonly string[];
  /** The staged values of one line, in `stageColumns` order; null when the line has errors. */
  stage(check: LineChecker, ctx: ImportContext): (string | null)[] | null;
  merge(runner: QueryRunner, ctx: ImportContext): Promise<MergeResult>;
}

/** Runs a DML statement and answers its affected rows (pg's rowCount). */
export async function affected(
  runner: QueryRunner,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const result = await runner.query(sql, params, true);
  return result.affected ?? 0;
}

/** Runs `DELETE FROM import_stage … RETURNING line, <column>, <message>` and answers the refused rows. */
export async function rejectRows(
  runner: QueryRunner,
  sql: string,
  params: unknown[] = [],
): Promise<RowError[]> {
  const result = await runner.query(sql, params, true);
  const rows = result.records as { line: number; column: string | null; message: string }[];
  return rows.map((r) => ({ line: Number(r.line), column: r.column, message: r.message }));
}
