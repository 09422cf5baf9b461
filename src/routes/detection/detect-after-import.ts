import type { Settings } from '../../config/env.js';
import type { AfterImport } from '../../imports/after-import.js';
import type { RouteDetectionService } from './route-detection.service.js';

/**
 * After an import of shipments that wrote rows: incremental route detection, when
 * DETECT_ROUTES_AFTER_IMPORT is true. Its result goes into the import report as `routeDetection`.
 */
export const detectAfterImport =
  (detection: RouteDetectionService, settings: Settings): AfterImport =>
  async (actor, report) => {
    if (report.kind !== 'shipments' || settings.DETECT_ROUTES_AFTER_IMPORT !== 'true')
      return undefined;
    try {
      return { routeDetection: await detection.detect(actor) };
    } catch (error) {
      return { routeDetection: { error: error instanceof Error ? error.message : String(error) } };
    }
  };
