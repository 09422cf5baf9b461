import type { EntityManager } from 'typeorm';
import { Settings } from '../config/env.js';
import { detectRoutes } from '../routes/detection/route-detector.js';
import { RouteDetectionRunEntity } from '../routes/route-detection-run.entity.js';
import { RouteDetectionMode, RouteDetectionStatus } from '../routes/route.enums.js';

/**
 * The demo's routes: a full detection run over the demo shipments, in the seed's transaction, with
 * the default settings, recorded like any run (by the system). Answers the routes found.
 */
export async function seedDemoRoutes(em: EntityManager): Promise<number> {
  const defaults = new Settings();
  const startedAt = new Date();
  const result = await detectRoutes(em.queryRunner!, {
    mode: RouteDetectionMode.FULL,
    windowDays: defaults.ROUTE_WINDOW_DAYS,
    timeoutSeconds: defaults.ROUTE_DETECTION_TIMEOUT_SECONDS,
  });
  await em.getRepository(RouteDetectionRunEntity).save({
    mode: RouteDetectionMode.FULL,
    status: RouteDetectionStatus.DONE,
    startedAt,
    finishedAt: new Date(),
    durationMs: Date.now() - startedAt.getTime(),
    actorId: null,
    ...result,
  });
  return result.routesFound;
}
