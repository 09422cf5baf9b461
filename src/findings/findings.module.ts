import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ComponentFindingsResolver, FindingsResolver } from './findings.resolver.js';
import { FindingsService } from './findings.service.js';

@Module({
  imports: [AuditModule],
  providers: [FindingsResolver, ComponentFindingsResolver, FindingsService],
})
export class FindingsModule {}
