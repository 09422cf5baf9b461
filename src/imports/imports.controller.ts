import { Controller, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { AppError } from '../common/errors.js';
import { Role } from '../auth/role.enum.js';
import type { ImportReport } from './importer.js';
import { ImportsService } from './imports.service.js';
import type { ImportFormat } from './record-stream.js';

const FORMATS: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
};

const flag = (v: string | undefined) => v !== undefined && v !== 'false' && v !== '0';

@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /**
   * The body streamed as `text/csv` or `application/x-ndjson`; `?source=NAME&dryRun&strict&synthetic`.
   * Answers the import report.
   */
  @Post(':kind')
  @Roles(Role.INVESTIGATOR)
  upload(
    @Param('kind') kind: string,
    @Query() query: Record<string, string | undefined>,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<ImportReport> {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const format = FORMATS[type];
    if (!format) {
      throw AppError.badInput('Send the file as text/csv or application/x-ndjson', [
        {
          field: 'content-type',
          messages: ['content-type must be text/csv or application/x-ndjson'],
        },
      ]);
    }
    ImportsService.kindOf(kind);
    return this.imports.run(actor, req.body as Readable, {
      kind,
      format,
      source: query.source,
      fileName: query.fileName ?? null,
      dryRun: flag(query.dryRun),
      strict: flag(query.strict),
      synthetic: flag(query.synthetic),
    });
  }
}
