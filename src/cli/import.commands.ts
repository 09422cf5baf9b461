import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/auth-user.js';
import { AppError } from '../common/errors.js';
import type { ImportReport } from '../imports/importer.js';
import { ImportsService } from '../imports/imports.service.js';
import { IMPORT_KINDS } from '../imports/kinds/index.js';
import { detectAfterImport } from '../routes/detection/detect-after-import.js';
import {
  type DetectionReport,
  RouteDetectionService,
} from '../routes/detection/route-detection.service.js';
import { withDataSource } from './context.js';

interface ImportFlags {
  source?: string;
  dryRun?: boolean;
  strict?: boolean;
  json?: boolean;
  synthetic?: boolean;
  format?: string;
}

/** A one-line progress bar on a terminal: bytes read of the file, rows and rows/s. */
function progressBar(total: number) {
  const started = Date.now();
  const draw = ({ rows, bytes }: { rows: number; bytes: number }) => {
    const done = total ? Math.min(1, bytes / total) : 0;
    const bar = '#'.repeat(Math.round(done * 30)).padEnd(30, '-');
    const rate = Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
    process.stderr.write(
      `\r[${bar}] ${(done * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s `,
    );
  };
  return process.stderr.isTTY ? draw : undefined;
}

const summary = (r: ImportReport) =>
  `${r.kind} from ${r.source}${r.dryRun ? ' (dry run: nothing written)' : ''}${r.strict ? ' (strict)' : ''}: ` +
  `${r.rows} rows in ${(r.durationMs / 1000).toFixed(1)} s: ${r.inserted} inserted, ${r.updated} updated, ` +
  `${r.unchanged} unchanged, ${r.rejected} rejected` +
  r.errors
    .slice(0, 20)
    .map((e) => `\n  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`)
    .join('') +
  (r.errors.length + r.errorsOmitted > 20
    ? `\n  … and ${r.errors.length + r.errorsOmitted - 20} more`
    : '') +
  describeDetection(r.followUps?.routeDetection as DetectionReport | { error: string } | undefined);

const describeDetection = (d: DetectionReport | { error: string } | undefined) =>
  !d
    ? ''
    : 'error' in d
      ? `\nroute detection failed: ${d.error}`
      : `\nroutes (${d.mode.toLowerCase()} detection): ${d.routesFound} found, ${d.newRoutes} new, ` +
        `${d.updatedRoutes} updated, ${d.removedRoutes} removed, in ${(d.durationMs / 1000).toFixed(1)} s`;

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description(
      `import a CSV or NDJSON file: kind is one of ${Object.keys(IMPORT_KINDS).join(', ')}`,
    )
    .argument('<kind>', 'what the file holds')
    .argument('<file>', 'the file (.csv, .ndjson or .jsonl)')
    .option(
      '--source <name>',
      'the dataset the rows come from (part of the natural key of shipments, strikes and findings)',
      'import',
    )
    .option('--format <format>', 'csv or ndjson (default: from the file extension)')
    .option('--dry-run', 'check and count, write nothing')
    .option('--strict', 'reject the whole file on the first error')
    .option('--synthetic', 'flag every row as synthetic (generated data)')
    .option('--json', 'print the report as JSON on the last line')
    .action((kindName: string, file: string, flags: ImportFlags) =>
      withDataSource(async (ds, { settings }) => {
        ImportsService.kindOf(kindName);
        const ext = path.extname(file).toLowerCase();
        const format = flags.format ?? (ext === '.ndjson' || ext === '.jsonl' ? 'ndjson' : 'csv');
        if (format !== 'csv' && format !== 'ndjson')
          throw new Error('--format must be csv or ndjson');
        const size = statSync(file).size;
        const audit = new AuditService(ds);
        const detection = new RouteDetectionService(ds, audit, settings);
        const service = new ImportsService(ds, audit, detectAfterImport(detection, settings));
        const report = await service
          .run({ ...SYSTEM_ACTOR, requestId: 'cli' }, createReadStream(file), {
            kind: kindName,
            format,
            source: flags.source,
            fileName: path.basename(file),
            dryRun: flags.dryRun,
            strict: flags.strict,
            synthetic: flags.synthetic,
            onProgress: progressBar(size),
          })
          .catch((error: unknown) => {
            throw error instanceof AppError ? new Error(error.message) : error;
          });
        if (process.stderr.isTTY) process.stderr.write('\n');
        if (flags.json) {
          process.stderr.write(`${summary(report)}\n`);
          const { inserted, updated, unchanged, rejected, errors, errorsOmitted, followUps } =
            report;
          console.log(
            JSON.stringify({
              inserted,
              updated,
              unchanged,
              rejected,
              errors,
              errorsOmitted,
              ...followUps,
            }),
          );
        } else {
          console.log(summary(report));
        }
        if (report.strict && report.rejected) process.exitCode = 1;
      }),
    );
}
