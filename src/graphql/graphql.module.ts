import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from '../logging/pino-logger.js';
import type { DataSource } from 'typeorm';
import { mercuriusErrorFormatter } from '../common/graphql/format-error.js';
import { LIMITS, validationRules } from '../common/graphql/limits.js';
import { costLimitHook } from '../common/graphql/query-cost.js';
import { validateDocumentHook } from '../common/graphql/validate-document.hook.js';
import type { Settings } from '../config/env.js';
import { createLoaders } from './loaders.js';
import type { RequestContext } from './request-context.js';

/**
 * `POST /graphql`: Mercurius with its JIT, the API limits, the error formatter, and the per-request
 * context that wires every feature's DataLoaders (new for each request).
 */
@Module({})
export class ApiGraphQLModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: ApiGraphQLModule,
      imports: [
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          inject: [getDataSourceToken(), PinoLogger],
          useFactory: (ds: DataSource, log: PinoLogger) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            jit: 1,
            // Valid documents only (the hook refuses the others first), each within LIMITS.tokens.
            cache: LIMITS.documentCache,
            graphql: { parseOptions: { maxTokens: LIMITS.tokens } },
            graphiql: false,
            allowBatchedQueries: false,
            hooks: {
              preValidation: validateDocumentHook(validationRules(settings.introspection)),
              preExecution: costLimitHook(settings.MAX_QUERY_COST),
            },
            context: (req: FastifyRequest, _reply: FastifyReply): RequestContext => ({
              req,
              loaders: createLoaders(ds),
            }),
            errorFormatter: mercuriusErrorFormatter(log),
          }),
        }),
      ],
    };
  }
}
