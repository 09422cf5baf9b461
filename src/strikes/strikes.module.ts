import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { StrikeReportsResolver } from './strike-reports.resolver.js';
import { StrikeReportsService } from './strike-reports.service.js';

@Module({ imports: [AuditModule], providers: [StrikeReportsResolver, StrikeReportsService] })
export class StrikesModule {}
