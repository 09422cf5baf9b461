import { Module } from '@nestjs/common';
import { OrganizationsResolver } from './organizations.resolver.js';

@Module({ providers: [OrganizationsResolver] })
export class OrganizationsModule {}
