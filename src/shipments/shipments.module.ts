import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ComponentShipmentsResolver, ShipmentsResolver } from './shipments.resolver.js';
import { ShipmentsService } from './shipments.service.js';

@Module({
  imports: [AuditModule],
  providers: [ShipmentsResolver, ComponentShipmentsResolver, ShipmentsService],
})
export class ShipmentsModule {}
