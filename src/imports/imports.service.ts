import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { AppError } from '../common/errors.js';
import { AFTER_IMPORT, type AfterImport } from './after-import.js';
import { type ImportOptions, type ImportReport, runImport } from './importer.js';
import { ImportRunStatus } from './import-run.enums.js';
import { ImportRunEntity } from './import-run.entity.js';
import { IMPORT_KINDS } from './kinds/index.js';
import type { ImportFormat } from './record-stream.js';

export interface ImportRequest {
  kind: string;
  format: ImportFormat;
  source?: string;
  fileName?: string | null;
  synthetic?: boolean;
  dryRun?: boolean;
  strict?: boolean;
  /** Lines a batch (one transaction) holds; 50,000 unless given. */
  batchSize?: number;
  onProgress?: ImportOptions['onProgress'];
}

/** The longest failure reason kept on a run. */
const MAX_REASON = 2000;

/** Why an import failed, as the run records it. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message || 'unknown error').slice(0, MAX_REASON);
}

/** Why a strict import refused its file: its first bad line. */
function strictReason(report: ImportReport): string {
  const first = report.errors[0];
  const where = first ? `line ${first.line}${first.column ? `, ${first.column}` : ''}: ` : '';
  return `strict: the file has a bad line (${where}${first?.message ?? 'refused'}); nothing was written`.slice(
    0,
    MAX_REASON,
  );
}

/**
 * Runs an import and keeps its record: the run (who, when, which file, counts) is written RUNNING,
 * with its audit event `import.run`, before the first line is read; each batch adds its counts to it
 * in its own transaction; it ends DONE, or FAILED with the reason, audited as `import.end`. A run
 * left RUNNING is one whose process died: its counts are what had been committed.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Optional() @Inject(AFTER_IMPORT) private readonly afterImport?: AfterImport,
  ) {}

  /** The kind named; `__proto__`, `constructor` and the like are properties of every object, not kinds. */
  static kindOf(name: string) {
    const kind = Object.hasOwn(IMPORT_KINDS, name) ? IMPORT_KINDS[name] : undefined;
    if (!kind) {
      throw AppError.badInput(`Unknown import kind ${name}`, [
        {
          field: 'kind',
          messages: [`kind must be one of ${Object.keys(IMPORT_KINDS).join(', ')}`],
        },
      ]);
    }
    return kind;
  }

  static sourceOf(source: string | undefined): string {
    const s = (source ?? 'import').trim();
    if (!/^[\w.:@/-]{1,100}$/.test(s)) {
      throw AppError.badInput('Invalid source', [
        { field: 'source', messages: ['source must be 1–100 letters, digits or . _ - : / @'] },
      ]);
    }
    return s;
  }

  async run(actor: Actor, input: Readable, request: ImportRequest): Promise<ImportReport> {
    const kind = ImportsService.kindOf(request.kind);
    const source = ImportsService.sourceOf(request.source);
    const started = Date.now();
    const runId = await this.start(actor, {
      kind: kind.name,
      source,
      fileName: request.fileName ?? null,
      actorId: actor.userId,
      dryRun: Boolean(request.dryRun),
      strict: Boolean(request.strict),
    });
    let report: ImportReport;
    try {
      report = await runImport(this.ds, input, {
        kind,
        format: request.format,
        source,
        synthetic: Boolean(request.synthetic),
        runId,
        dryRun: request.dryRun,
        strict: request.strict,
        batchSize: request.batchSize,
        onProgress: request.onProgress,
      });
    } catch (error) {
      // The counts stay what the committed batches wrote. If even this cannot be written (the
      // database is gone), the run stays RUNNING and the import's own error is the one reported.
      await this.end(actor, runId, {
        status: ImportRunStatus.FAILED,
        error: reasonOf(error),
        durationMs: Date.now() - started,
      }).catch(() => undefined);
      throw error;
    }
    const refused = report.strict && report.rejected > 0;
    await this.end(actor, runId, {
      status: refused ? ImportRunStatus.FAILED : ImportRunStatus.DONE,
      error: refused ? strictReason(report) : null,
      durationMs: report.durationMs,
      fileSha256: report.fileSha256,
      // A dry run records what it would have done; a strict refusal, every line refused.
      rows: report.rows,
      inserted: report.inserted,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
    });
    if (this.afterImport && !refused && !report.dryRun && report.inserted + report.updated) {
      report.followUps = await this.afterImport(actor, report).catch((error: unknown) => ({
        error: reasonOf(error),
      }));
    }
    return report;
  }

  /** Writes the run, RUNNING, and its audit event; committed before any line is merged. */
  private start(actor: Actor, run: Partial<ImportRunEntity>): Promise<string> {
    return this.ds.transaction(async (em) => {
      const saved = await em
        .getRepository(ImportRunEntity)
        .save({ ...run, status: ImportRunStatus.RUNNING });
      await this.audit.record(em, actor, {
        action: 'import.run',
        subjectType: 'importRun',
        subjectId: saved.id,
        after: saved,
      });
      return saved.id;
    });
  }

  /** Ends the run, DONE or FAILED, and audits how it ended. */
  private end(actor: Actor, runId: string, outcome: Partial<ImportRunEntity>): Promise<void> {
    return this.ds.transaction(async (em) => {
      const runs = em.getRepository(ImportRunEntity);
      await runs.update({ id: runId }, outcome);
      const after = await runs.findOneByOrFail({ id: runId });
      await this.audit.record(em, actor, {
        action: 'import.end',
        subjectType: 'importRun',
        subjectId: runId,
        after,
      });
    });
  }
}
