import type { QueryRunner } from 'typeorm';

/** What a batch (or a whole import) did with the lines it read. */
export interface RunCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Adds a batch's counts to its run, in the batch's own transaction: they commit with it, or not at all. */
export async function addBatchCounts(q: QueryRunner, runId: string, c: RunCounts): Promise<void> {
  await q.query(
    `UPDATE import_run SET rows = rows + $2, inserted = inserted + $3, updated = updated + $4,
            unchanged = unchanged + $5, rejected = rejected + $6, updated_at = now()
      WHERE id = $1`,
    [runId, c.rows, c.inserted, c.updated, c.unchanged, c.rejected],
  );
}
