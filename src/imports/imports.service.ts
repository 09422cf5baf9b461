import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { AppError } from '../common/errors.js';
import { type ImportOptions, type ImportReport, runImport } from './importer.js';
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
  onProgress?: ImportOptions['onProgress'];
}

/** Runs an import and records it (who, when, file SHA-256, counts) with an audit event. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  static kindOf(name: string) {
    const kind = IMPORT_KINDS[name];
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
    const report = await runImport(this.ds, input, {
      kind,
      format: request.format,
      source,
      synthetic: Boolean(request.synthetic),
      dryRun: request.dryRun,
      strict: request.strict,
      onProgress: request.onProgress,
    });
    await this.ds.transaction(async (em) => {
      const run = await em.getRepository(ImportRunEntity).save({
        kind: kind.name,
        source,
        fileName: request.fileName ?? null,
        fileSha256: report.fileSha256,
        actorId: actor.userId,
        dryRun: report.dryRun,
        strict: report.strict,
        rows: report.rows,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
        durationMs: report.durationMs,
      });
      await this.audit.record(em, actor, {
        action: 'import.run',
        subjectType: 'importRun',
        subjectId: run.id,
        after: run,
      });
    });
    return report;
  }
}
