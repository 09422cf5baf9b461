import type { Command } from 'commander';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/auth-user.js';
import { AppError } from '../common/errors.js';
import { RouteDetectionService } from '../routes/detection/route-detection.service.js';
import { withDataSource } from './context.js';

/** On a terminal: each step of the run as it starts, with the time since the start. */
function steps() {
  const started = Date.now();
  return process.stderr.isTTY
    ? (step: string) =>
        process.stderr.write(
          `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${step}\n`,
        )
    : undefined;
}

export function registerDetectCommands(program: Command): void {
  program
    .command('detect')
    .description(
      'find the re-export routes in the trade data: incremental (what changed since the last run) unless --full',
    )
    .option('--full', 'read every flow of the trade data, not only what changed')
    .option('--json', 'print the result as JSON')
    .action((flags: { full?: boolean; json?: boolean }) =>
      withDataSource(async (ds, { settings }) => {
        const service = new RouteDetectionService(ds, new AuditService(ds), settings);
        const result = await service
          .detect({ ...SYSTEM_ACTOR, requestId: 'cli' }, { full: flags.full, onStep: steps() })
          .catch((error: unknown) => {
            throw error instanceof AppError ? new Error(error.message) : error;
          });
        if (flags.json) console.log(JSON.stringify(result));
        else
          console.log(
            `${result.mode.toLowerCase()} detection: ${result.routesFound} routes found, ` +
              `${result.newRoutes} new, ${result.updatedRoutes} updated, ${result.removedRoutes} removed, ` +
              `in ${(result.durationMs / 1000).toFixed(1)} s`,
          );
      }),
    );
}
