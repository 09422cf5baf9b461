import { Module } from '@nestjs/common';
import { ReferenceResolver } from './reference.resolver.js';
import { ReferenceService } from './reference.service.js';

@Module({ providers: [ReferenceResolver, ReferenceService] })
export class ReferenceModule {}
