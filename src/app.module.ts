import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from './logging/logger.module.js';
import type { DataSourceOptions } from 'typeorm';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AppExceptionFilter } from './common/app-exception.filter.js';
import { ComponentsModule } from './components/components.module.js';
import { FindingsModule } from './findings/findings.module.js';
import { GraphiqlModule } from './graphiql/graphiql.module.js';
import { Settings } from './config/env.js';
import { dataSourceOptions } from './database/data-source.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { ApiGraphQLModule } from './graphql/graphql.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { RoutesModule } from './routes/routes.module.js';
import { RouteDetectionModule } from './routes/detection/route-detection.module.js';
import { SanctionsModule } from './sanctions/sanctions.module.js';
import { ShipmentsModule } from './shipments/shipments.module.js';
import { StrikesModule } from './strikes/strikes.module.js';
import { TraceModule } from './trace/trace.module.js';
import { UsersModule } from './users/users.module.js';
import { WeaponSystemsModule } from './weapon-systems/weapon-systems.module.js';

export interface AppOptions {
  settings: Settings;
  databaseUrl: string;
  /** Extra TypeORM options (tests add a query counter). */
  typeorm?: Partial<DataSourceOptions>;
}

@Global()
@Module({})
class SettingsModule {
  static register(settings: Settings): DynamicModule {
    return {
      module: SettingsModule,
      providers: [{ provide: Settings, useValue: settings }],
      exports: [Settings],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot({ settings, databaseUrl, typeorm }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      providers: [{ provide: APP_FILTER, useClass: AppExceptionFilter }],
      imports: [
        SettingsModule.register(settings),
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.LOG_LEVEL,
            redact: ['req.headers.authorization'],
            autoLogging: { ignore: (req) => req.url === '/health' },
            quietReqLogger: true,
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, { extra: { max: 10 }, ...typeorm })),
        ApiGraphQLModule.forRoot(settings),
        AuthModule,
        AuditModule,
        UsersModule,
        HealthModule,
        ReferenceModule,
        OrganizationsModule,
        SanctionsModule,
        ShipmentsModule,
        ComponentsModule,
        EvidenceModule,
        ImportsModule,
        WeaponSystemsModule,
        StrikesModule,
        FindingsModule,
        TraceModule,
        RoutesModule,
        RouteDetectionModule,
        GraphiqlModule,
      ],
    };
  }
}
