import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as Pino } from 'pino';

/** The logger of the request being served (pino-http's child with its `reqId`), if any. */
export const requestLog = new AsyncLocalStorage<Pino>();

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Pino for the service's own code: inside a request it writes through that request's child logger
 * (so each line carries the request id), outside through the root logger.
 */
export class PinoLogger {
  constructor(readonly root: Pino) {}

  get logger(): Pino {
    return requestLog.getStore() ?? this.root;
  }

  trace(obj: unknown, msg?: string): void {
    this.write('trace', obj, msg);
  }
  debug(obj: unknown, msg?: string): void {
    this.write('debug', obj, msg);
  }
  info(obj: unknown, msg?: string): void {
    this.write('info', obj, msg);
  }
  warn(obj: unknown, msg?: string): void {
    this.write('warn', obj, msg);
  }
  error(obj: unknown, msg?: string): void {
    this.write('error', obj, msg);
  }
  fatal(obj: unknown, msg?: string): void {
    this.write('fatal', obj, msg);
  }

  private write(level: Level, obj: unknown, msg?: string): void {
    if (typeof obj === 'string') this.logger[level](obj);
    else this.logger[level](obj, msg);
  }
}
