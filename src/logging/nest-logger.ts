import { Injectable, type LoggerService } from '@nestjs/common';
import { PinoLogger } from './pino-logger.js';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Nest's exception handlers call `error(message, stack)` with no context. */
const STACK = /\n\s*at /;

/**
 * Nest's own logging (`Logger` of @nestjs/common, the framework's messages) written as pino lines:
 * the last extra argument is Nest's context, an Error or a stack becomes `err`.
 */
@Injectable()
export class Logger implements LoggerService {
  constructor(private readonly pino: PinoLogger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const fields: Record<string, unknown> = {};
    let rest = params;
    if (level === 'error' && typeof rest[0] === 'string' && STACK.test(rest[0])) {
      fields.err = Object.assign(new Error(String(message)), { stack: rest[0] });
      rest = rest.slice(1);
    }
    if (rest.length) fields.context = rest.at(-1);
    const log = this.pino.logger;
    if (message instanceof Error) log[level]({ ...fields, err: message });
    else if (message !== null && typeof message === 'object') log[level]({ ...fields, ...message });
    else log[level](fields, String(message));
  }
}
