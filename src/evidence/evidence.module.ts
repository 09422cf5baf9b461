import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CustodyService } from './custody.service.js';
import { SUBJECT_EVIDENCE_RESOLVERS } from './evidence-subjects.resolver.js';
import { EvidenceFilesController } from './evidence-files.controller.js';
import { EvidenceFilesService } from './evidence-files.service.js';
import {
  CorroborationResolver,
  CustodyEventResolver,
  EvidenceResolver,
} from './evidence.resolver.js';
import { EvidenceService } from './evidence.service.js';

@Module({
  imports: [AuditModule],
  controllers: [EvidenceFilesController],
  providers: [
    EvidenceService,
    EvidenceFilesService,
    CustodyService,
    EvidenceResolver,
    CustodyEventResolver,
    CorroborationResolver,
    ...SUBJECT_EVIDENCE_RESOLVERS,
  ],
})
export class EvidenceModule {}
