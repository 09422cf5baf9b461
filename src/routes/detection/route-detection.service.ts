import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/auth-user.js';
import { AppError, ErrorCode } from '../../common/errors.js';
import { Settings } from '../../config/env.js';
import { RouteDetectionRunEntity } from '../route-detection-run.entity.js';
import { RouteDetectionMode, RouteDetectionStatus } from '../route.enums.js';
import { detectRoutes, inTransaction } from './route-detector.js';

/** Any number, the same in every process: one detection run at a time. */
const DETECTION_LOCK = 7_261_011;

export interface DetectionReport {
  runId: string;
  mode: RouteDetectionMode;
  routesFound: number;
  newRoutes: number;
  updatedRoutes: number;
  removedRoutes: number;
  durationMs: number;
}

/**
 * Runs route detection: full, or incremental from the shipments written since the last run that
 * finished began (full when there is none). The run is recorded RUNNING at once (so a failure leaves
 * a FAILED record), and its routes, its end and its audit event are written in one transaction, so
 * nothing is half-stored. One run at a time: another meanwhile is CONFLICT.
 */
@Injectable()
export class RouteDetectionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly settings: Settings,
  ) {}

  async detect(
    actor: Actor,
    { full = false, onStep }: { full?: boolean; onStep?: (step: string) => void } = {},
  ): Promise<DetectionReport> {
    const runs = this.ds.getRepository(RouteDetectionRunEntity);
    const last = await runs.findOne({
      where: { status: RouteDetectionStatus.DONE },
      order: { startedAt: 'DESC' },
    });
    const mode = full || !last ? RouteDetectionMode.FULL : RouteDetectionMode.INCREMENTAL;
    const since = mode === RouteDetectionMode.INCREMENTAL ? last!.startedAt : null;
    let runId: string | null = null;
    const started = Date.now();
    try {
      return await inTransaction(this.ds, async (q) => {
        const [{ locked }] = (await q.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
          DETECTION_LOCK,
        ])) as { locked: boolean }[];
        if (!locked) {
          throw new AppError(
            ErrorCode.CONFLICT,
            'Route detection is already running: try again when it has finished',
          );
        }
        const run = await runs.save({
          mode,
          status: RouteDetectionStatus.RUNNING,
          startedAt: new Date(started),
          since,
          actorId: actor.userId,
        });
        runId = run.id;
        const result = await detectRoutes(q, {
          mode,
          windowDays: this.settings.ROUTE_WINDOW_DAYS,
          timeoutSeconds: this.settings.ROUTE_DETECTION_TIMEOUT_SECONDS,
          onStep,
        });
        const durationMs = Date.now() - started;
        await q.manager.getRepository(RouteDetectionRunEntity).update(run.id, {
          status: RouteDetectionStatus.DONE,
          finishedAt: new Date(),
          durationMs,
          ...result,
        });
        const after = await q.manager.getRepository(RouteDetectionRunEntity).findOneByOrFail({
          id: run.id,
        });
        await this.audit.record(q.manager, actor, {
          action: 'route.detect',
          subjectType: 'routeDetectionRun',
          subjectId: run.id,
          after,
        });
        return { runId: run.id, mode, ...result, durationMs };
      });
    } catch (error) {
      if (runId) {
        const reason = error instanceof Error ? error.message : String(error);
        await runs.update(runId, {
          status: RouteDetectionStatus.FAILED,
          finishedAt: new Date(),
          durationMs: Date.now() - started,
          error: reason.slice(0, 2000),
        });
      }
      throw error;
    }
  }
}
