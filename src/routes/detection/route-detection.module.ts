import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { Settings } from '../../config/env.js';
import { AFTER_IMPORT } from '../../imports/after-import.js';
import { detectAfterImport } from './detect-after-import.js';
import { RouteDetectionResolver } from './route-detection.resolver.js';
import { RouteDetectionService } from './route-detection.service.js';

/** Route detection; global so that imports find the step that runs it after them (AFTER_IMPORT). */
@Global()
@Module({
  imports: [AuditModule],
  providers: [
    RouteDetectionResolver,
    RouteDetectionService,
    {
      provide: AFTER_IMPORT,
      inject: [RouteDetectionService, Settings],
      useFactory: detectAfterImport,
    },
  ],
  exports: [RouteDetectionService, AFTER_IMPORT],
})
export class RouteDetectionModule {}
