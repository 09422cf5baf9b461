import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrganizationSanctionsResolver } from './organization-sanctions.resolver.js';
import { SanctionsResolver } from './sanctions.resolver.js';
import { SanctionsService } from './sanctions.service.js';

@Module({
  imports: [AuditModule],
  providers: [OrganizationSanctionsResolver, SanctionsResolver, SanctionsService],
})
export class SanctionsModule {}
