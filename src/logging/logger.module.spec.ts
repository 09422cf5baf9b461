import { Writable } from 'node:stream';
import { Controller, Get, Logger as NestLogger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { LoggerModule } from './logger.module.js';
import { Logger } from './nest-logger.js';
import { PinoLogger } from './pino-logger.js';

/** Every line the service logs, parsed. */
const lines: Record<string, any>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

@Controller('hello')
class HelloController {
  private readonly nest = new NestLogger('Hello');
  constructor(private readonly log: PinoLogger) {}

  @Get()
  hello() {
    this.log.info({ step: 1 }, 'through PinoLogger');
    this.nest.log('through Nest');
    return { ok: true };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

describe('LoggerModule (pino-http and one pino logger)', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    @Module({
      imports: [
        LoggerModule.forRoot({ pinoHttp: { logger: pino(sink), quietReqLogger: true } }),
        HelloModule,
      ],
    })
    class TestModule {}
    app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), {
      bufferLogs: true,
    });
    app.useLogger(app.get(Logger));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('logs each request once, and what is logged while serving it carries its id', async () => {
    lines.length = 0;
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/hello' });
    expect(res.statusCode).toBe(200);
    const done = lines.find((l) => l.msg === 'request completed');
    expect(done?.res.statusCode).toBe(200);
    const reqId = done!.req.id;
    expect(reqId).toBeDefined();
    expect(lines.find((l) => l.msg === 'through PinoLogger')).toMatchObject({ reqId, step: 1 });
    expect(lines.find((l) => l.msg === 'through Nest')).toMatchObject({
      reqId,
      context: 'Hello',
      level: 30,
    });
  });

  it("writes Nest's own messages with their context, outside any request", () => {
    const logger = app.get(Logger);
    lines.length = 0;
    logger.log('Mapped {/hello, GET} route', 'RouterExplorer');
    logger.warn({ port: 3000 }, 'Main');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        context: 'RouterExplorer',
        msg: 'Mapped {/hello, GET} route',
      }),
      expect.objectContaining({ level: 40, context: 'Main', port: 3000 }),
    ]);
    expect(lines[0].reqId).toBeUndefined();
  });

  it("keeps the stack of Nest's exception handlers and of errors as `err`", () => {
    const logger = app.get(Logger);
    lines.length = 0;
    logger.error('boom', 'Error: boom\n    at somewhere (file.js:1:1)');
    logger.error('bang', 'Error: bang\n    at elsewhere (file.js:2:2)', 'ExceptionsHandler');
    logger.error(new Error('crash'), 'Main');
    expect(lines.map((l) => [l.level, l.msg, l.context, l.err?.stack?.split('\n')[1]])).toEqual([
      [50, 'boom', undefined, '    at somewhere (file.js:1:1)'],
      [50, 'bang', 'ExceptionsHandler', '    at elsewhere (file.js:2:2)'],
      [50, 'crash', 'Main', expect.stringMatching(/^\s+at /)],
    ]);
  });
});
