import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { mercuriusErrorFormatter } from './common/graphql/format-error.js';
import { GraphQLExceptionFilter } from './common/graphql/graphql-exception.filter.js';
import type { RequestContext } from './common/graphql/request-context.js';
import { createLoaders } from './common/loaders.js';
import { ComponentsModule } from './components/components.module.js';
import { Settings } from './config/env.js';
import { dataSourceOptions } from './database/data-source.js';
import { HealthModule } from './health/health.module.js';

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
      providers: [{ provide: APP_FILTER, useClass: GraphQLExceptionFilter }],
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
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          inject: [getDataSourceToken(), PinoLogger],
          useFactory: (ds: DataSource, log: PinoLogger) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            jit: 1,
            graphiql: settings.NODE_ENV !== 'production',
            allowBatchedQueries: false,
            context: (req: FastifyRequest, _reply: FastifyReply): RequestContext => ({
              req,
              loaders: createLoaders(ds),
            }),
            errorFormatter: mercuriusErrorFormatter(log),
          }),
        }),
        HealthModule,
        ComponentsModule,
      ],
    };
  }
}
