import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import {
  BillOfMaterialsItemResolver,
  ComponentFindingsResolver,
  StrikeReportFindingsResolver,
  WeaponSystemBillOfMaterialsResolver,
} from './finding-relations.resolver.js';
import { FindingsResolver } from './findings.resolver.js';
import { FindingsService } from './findings.service.js';

@Module({
  imports: [AuditModule],
  providers: [
    FindingsResolver,
    ComponentFindingsResolver,
    StrikeReportFindingsResolver,
    WeaponSystemBillOfMaterialsResolver,
    BillOfMaterialsItemResolver,
    FindingsService,
  ],
})
export class FindingsModule {}
