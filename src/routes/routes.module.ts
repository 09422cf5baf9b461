import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { FlagRouteResolver } from './flagging/flag-route.resolver.js';
import { FlagRouteService } from './flagging/flag-route.service.js';
import {
  RouteGoodsResolver,
  RouteLegResolver,
  RouteOriginResolver,
} from './route-parts.resolver.js';
import { ComponentRoutesResolver, OrganizationRoutesResolver } from './route-relations.resolver.js';
import { RE_EXPORTER_PROVIDERS } from './re-exporters.providers.js';
import { RoutesResolver } from './routes.resolver.js';
import { RoutesService } from './routes.service.js';

@Module({
  imports: [AuditModule],
  providers: [
    RoutesService,
    FlagRouteService,
    FlagRouteResolver,
    RoutesResolver,
    RouteLegResolver,
    RouteOriginResolver,
    RouteGoodsResolver,
    OrganizationRoutesResolver,
    ComponentRoutesResolver,
    ...RE_EXPORTER_PROVIDERS,
  ],
  exports: [RoutesService],
})
export class RoutesModule {}
