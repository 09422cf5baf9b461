import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import {
  ComponentShipmentsResolver,
  OrganizationShipmentsResolver,
} from './shipment-relations.resolver.js';
import { ShipmentsResolver } from './shipments.resolver.js';
import { ShipmentsService } from './shipments.service.js';

@Module({
  imports: [AuditModule],
  providers: [
    ShipmentsResolver,
    OrganizationShipmentsResolver,
    ComponentShipmentsResolver,
    ShipmentsService,
  ],
})
export class ShipmentsModule {}
