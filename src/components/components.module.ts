import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrganizationComponentsResolver } from './organization-components.resolver.js';
import { ComponentsResolver } from './components.resolver.js';
import { ComponentsService } from './components.service.js';

@Module({
  imports: [AuditModule],
  providers: [OrganizationComponentsResolver, ComponentsResolver, ComponentsService],
})
export class ComponentsModule {}
