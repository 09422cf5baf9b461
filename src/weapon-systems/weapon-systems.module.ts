import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { WeaponSystemsResolver } from './weapon-systems.resolver.js';
import { WeaponSystemsService } from './weapon-systems.service.js';

@Module({
  imports: [AuditModule],
  providers: [WeaponSystemsResolver, WeaponSystemsService],
})
export class WeaponSystemsModule {}
