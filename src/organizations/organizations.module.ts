import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrganizationsResolver } from './organizations.resolver.js';
import { OrganizationMergeService } from './organization-merge.service.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  imports: [AuditModule],
  providers: [OrganizationsResolver, OrganizationsService, OrganizationMergeService],
})
export class OrganizationsModule {}
