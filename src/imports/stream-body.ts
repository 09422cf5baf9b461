import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * CSV and NDJSON bodies reach the import route as the raw request stream, not buffered: an import of
 * a million lines never sits in memory (and is not bound by BODY_LIMIT_BYTES).
 */
export function streamImportBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  for (const type of ['text/csv', 'application/x-ndjson', 'application/ndjson']) {
    fastify.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }
}
