import { Module } from '@nestjs/common';
import { TraceIntermediaryResolver } from './trace-intermediary.resolver.js';
import { TraceResolver } from './trace.resolver.js';
import { TraceService } from './trace.service.js';

/** `traceComponent`: reads components, findings, organizations and routes; owns no table. */
@Module({
  providers: [TraceResolver, TraceIntermediaryResolver, TraceService],
})
export class TraceModule {}
