import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from './logging/nest-logger.js';
import { AppModule, type AppOptions } from './app.module.js';
import { authenticateRequests } from './auth/authenticate.hook.js';
import { checkGraphQLRequests } from './common/graphql/graphql-request.hook.js';
import { answerFastifyErrors, clientErrorHandler, frameworkErrors } from './common/http-errors.js';
import { validationPipe } from './common/validation.js';
import { streamImportBodies } from './imports/stream-body.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Builds the service (not yet listening): the same for `npm start`, the tests and the CLI. */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.settings.BODY_LIMIT_BYTES,
    // A caller's X-Request-Id is kept when it is sane, so logs and audit events can be correlated.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Fastify's own errors take the REST shape too (see common/http-errors.ts).
    frameworkErrors,
    clientErrorHandler,
  });
  answerFastifyErrors(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    adapter,
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe);
  authenticateRequests(app);
  checkGraphQLRequests(app);
  streamImportBodies(app);
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: options.settings.EVIDENCE_MAX_BYTES,
      files: 1,
      fields: 10,
      fieldSize: 1024,
    },
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
