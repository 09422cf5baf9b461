import { Module } from '@nestjs/common';
import { ComponentsResolver } from './components.resolver.js';
import { ComponentsService } from './components.service.js';

@Module({ providers: [ComponentsResolver, ComponentsService] })
export class ComponentsModule {}
