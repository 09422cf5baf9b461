import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { SanctionsResolver } from './sanctions.resolver.js';
import { SanctionsService } from './sanctions.service.js';

@Module({ imports: [AuditModule], providers: [SanctionsResolver, SanctionsService] })
export class SanctionsModule {}
