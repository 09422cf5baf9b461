import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import { copyLine } from './copy-text.js';
import { LineChecker } from './field-checks.js';
import type { ImportContext, ImportKind } from './import-kind.js';
import { addBatchCounts, type RunCounts } from './import-runs.js';
import { MakerNames } from './maker-names.js';
import { type ImportFormat, readRecords } from './record-stream.js';
import { ErrorSink, type RowError } from './row-error.js';

export interface ImportOptions extends Omit<ImportContext, 'makers' | 'runId'> {
  kind: ImportKind;
  /** The `import_run` to count each batch on, in the batch's transaction (none: counted nowhere). */
  runId?: string | null;
  format: ImportFormat;
  /** Nothing is written: the whole file runs in one transaction that is rolled back. */
  dryRun?: boolean;
  /** The whole file or nothing: the first bad line rejects the file. */
  strict?: boolean;
  batchSize?: number;
  onProgress?: (progress: { rows: number; bytes: number }) => void;
}

export interface ImportReport {
  kind: string;
  source: string;
  /** The SHA-256 of the file, when it was read to its end (a strict import stops at a bad line). */
  fileSha256: string | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  /** Errors past the first 1,000, counted but not listed. */
  errorsOmitted: number;
  /** The `import_run` recording this import. */
  runId: string | null;
  dryRun: boolean;
  strict: boolean;
  durationMs: number;
  /** What ran after the import (see after-import.ts): route detection after shipments. */
  followUps?: Record<string, unknown>;
}

/** A bad line in a `--strict` import: the whole file is refused, nothing is written. */
export class StrictAbort extends Error {}

/**
 * One batch of staged lines in COPY text format, held as flat buffers of about 64 KiB. (An array of
 * the line strings would hold V8 rope nodes over slices of the file's chunks: several times the text.)
 */
class Batch {
  readonly chunks: Buffer[] = [];
  /** Lines staged. */
  rows = 0;
  /** Lines read while this batch filled and refused before staging (counted with the batch). */
  refused = 0;
  private pending = '';

  add(line: string): void {
    this.rows++;
    this.pending += line;
    if (this.pending.length > 65_536) this.seal();
  }

  /** The buffers to COPY; nothing more can be added after. */
  sealed(): Buffer[] {
    this.seal();
    return this.chunks;
  }

  private seal(): void {
    if (this.pending) this.chunks.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }
}

/**
 * Streams a file into the database: lines are read and checked as they arrive, written in batches
 * to a temporary staging table with COPY, then validated and merged by set-based SQL, one transaction
 * per batch (so a bad line never stops the rest, and nothing is half-written). While the database
 * merges one batch, the next is being read: memory holds at most two batches, whatever the file size.
 */
export async function runImport(
  ds: DataSource,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = Date.now();
  const { kind } = options;
  const batchSize = options.batchSize ?? 50_000;
  const single = Boolean(options.dryRun || options.strict);
  const errors = new ErrorSink();
  const totals = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, bytes: 0 };
  const hash = createHash('sha256');
  let hashed = false;
  // Hashes the bytes as they pass, keeping the reader's backpressure (no 'data' listener).
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      totals.bytes += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      hashed = true;
      done();
    },
  });

  const q = ds.createQueryRunner();
  await q.connect();
  const runId = options.runId ?? null;
  let pending: Promise<void> = Promise.resolve();
  try {
    // Reference data, read once: a line naming an unknown country is refused as it is read.
    const codes = (await q.query('SELECT code FROM country')) as { code: string }[];
    const countries = new Set(codes.map((c) => c.code));
    const ctx: ImportContext = {
      source: options.source,
      synthetic: options.synthetic,
      runId,
      makers: await MakerNames.load(q),
    };
    await q.query('DROP TABLE IF EXISTS import_stage');
    await q.query(
      `CREATE TEMP TABLE import_stage (line integer NOT NULL, ${kind.stageColumns.map((c) => `${c} text`).join(', ')})`,
    );
    if (single) await q.query('BEGIN');

    const flush = async (batch: Batch) => {
      if (!single) await q.query('BEGIN');
      try {
        // An import can be run again to the same result, so a crash losing its last commits is harmless.
        await q.query('SET LOCAL synchronous_commit TO off');
        // Room to hash-join a batch against its look-ups in memory instead of sorting on disk.
        await q.query(`SET LOCAL work_mem = '64MB'`);
        await q.query('TRUNCATE import_stage');
        await copyInto(q, kind, batch.sealed());
        const merged = await kind.merge(q, ctx);
        const counts: RunCounts = {
          rows: batch.rows + batch.refused,
          inserted: merged.inserted,
          updated: merged.updated,
          unchanged: batch.rows - merged.rejected.length - merged.inserted - merged.updated,
          rejected: batch.refused + merged.rejected.length,
        };
        // The run counts what commits, with it.
        if (runId) await addBatchCounts(q, runId, counts);
        if (!single) await q.query('COMMIT');
        for (const e of merged.rejected) errors.add(e.line, e.column, e.message);
        totals.inserted += counts.inserted;
        totals.updated += counts.updated;
        totals.rejected += merged.rejected.length;
        totals.unchanged += counts.unchanged;
        if (options.strict && merged.rejected.length) throw new StrictAbort();
      } catch (error) {
        if (!single) await q.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      options.onProgress?.({ rows: totals.rows, bytes: totals.bytes });
    };

    let batch = new Batch();
    // Lines that cannot even be read (bad JSON, wrong number of fields) count as read and rejected.
    const unreadable = {
      add(line: number, column: string | null, message: string) {
        errors.add(line, column, message);
        totals.rows++;
        totals.rejected++;
        batch.refused++;
        if (options.strict) throw new StrictAbort();
      },
    };
    const records = readRecords(input.pipe(hashing), options.format, unreadable);
    for await (const record of records) {
      totals.rows++;
      const check = new LineChecker(errors, record.line, record.fields, countries);
      const staged = kind.stage(check, ctx);
      if (!staged) {
        totals.rejected++;
        batch.refused++;
        if (options.strict) throw new StrictAbort();
        continue;
      }
      batch.add(copyLine([String(record.line), ...staged]));
      if (batch.rows >= batchSize) {
        await pending;
        pending = flush(batch);
        pending.catch(() => undefined); // handled by the next `await pending`
        batch = new Batch();
      }
    }
    await pending;
    if (batch.rows) await flush(batch);
    if (single) await q.query(options.dryRun ? 'ROLLBACK' : 'COMMIT');
  } catch (error) {
    await pending.catch(() => undefined); // a batch being merged ends (commits or not) first
    if (single) await q.query('ROLLBACK').catch(() => undefined);
    if (!(error instanceof StrictAbort)) throw error;
    // Strict: nothing was written; the report says why.
    Object.assign(totals, { inserted: 0, updated: 0, unchanged: 0, rejected: totals.rows });
  } finally {
    await q.query('DROP TABLE IF EXISTS import_stage').catch(() => undefined);
    await q.release();
  }
  if (!input.readableEnded) input.resume(); // drain what a strict abort left unread
  return {
    kind: kind.name,
    source: options.source,
    fileSha256: hashed ? hash.digest('hex') : null,
    rows: totals.rows,
    inserted: totals.inserted,
    updated: totals.updated,
    unchanged: totals.unchanged,
    rejected: totals.rejected,
    errors: errors.errors.sort((a, b) => a.line - b.line),
    errorsOmitted: errors.omitted,
    runId,
    dryRun: Boolean(options.dryRun),
    strict: Boolean(options.strict),
    durationMs: Date.now() - started,
  };
}

/** COPY … FROM STDIN of the staged lines, on the query runner's own connection. */
async function copyInto(q: QueryRunner, kind: ImportKind, chunks: Buffer[]): Promise<void> {
  const client = (q as unknown as { databaseConnection: PoolClient }).databaseConnection;
  const copy = client.query(
    copyFrom(`COPY import_stage (line, ${kind.stageColumns.join(', ')}) FROM STDIN`),
  );
  await pipeline(Readable.from(chunks), copy);
}
