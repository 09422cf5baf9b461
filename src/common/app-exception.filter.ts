import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError, codeOfClientStatus, ErrorCode, httpStatusOf } from './errors.js';
import { databaseInputError } from './graphql/format-error.js';

/**
 * GraphQL: the error goes back to GraphQL as it is; the error formatter gives it its code and logs
 * only the unexpected ones. HTTP routes: `{ error: { code, message, ... } }` with the matching
 * status; anything unexpected is logged and masked, never a stack trace.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let status = 500;
    let body: Record<string, unknown> = {
      code: ErrorCode.INTERNAL,
      message: 'Internal server error',
    };
    if (exception instanceof AppError) {
      status = httpStatusOf[exception.code];
      body = { ...exception.extensions, message: exception.message };
    } else if (databaseInputError(exception)) {
      const { code, message } = databaseInputError(exception)!;
      status = httpStatusOf[code];
      body = { code, message };
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      status = exception.getStatus();
      body = { code: codeOfClientStatus(status), message: exception.message };
    } else {
      this.log.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (status === 429 && typeof body.retryAfterSeconds === 'number') {
      void reply.header('retry-after', String(body.retryAfterSeconds));
    }
    return reply.status(status).send({ error: body });
  }
}
