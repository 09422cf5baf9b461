import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type DynamicModule,
  Global,
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
} from '@nestjs/common';
import { type HttpLogger, type Options, pinoHttp } from 'pino-http';
import { Logger } from './nest-logger.js';
import { PinoLogger, requestLog } from './pino-logger.js';

const PINO_HTTP = Symbol('PINO_HTTP');

/**
 * Request logging with pino-http and one pino logger for the whole service: each request gets a
 * child logger with its id, used by `PinoLogger` and Nest's `Logger` for whatever is logged while
 * serving it. (What nestjs-pino does; its releases for Nest 12 declare Node 22.12, the service runs
 * on Node 20.19.)
 */
@Global()
@Module({})
export class LoggerModule implements NestModule {
  constructor(@Inject(PINO_HTTP) private readonly http: HttpLogger) {}

  static forRoot({ pinoHttp: options }: { pinoHttp: Options }): DynamicModule {
    const http = pinoHttp(options);
    return {
      module: LoggerModule,
      providers: [
        { provide: PINO_HTTP, useValue: http },
        { provide: PinoLogger, useValue: new PinoLogger(http.logger) },
        Logger,
      ],
      exports: [PinoLogger, Logger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        this.http(req, res);
        // Fastify may have put its own `log` on the request first: pino-http's is the last of allLogs.
        requestLog.run(req.allLogs.at(-1) ?? req.log, next);
      })
      .forRoutes('{*splat}');
  }
}
