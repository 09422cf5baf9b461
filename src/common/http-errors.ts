import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { codeOfClientStatus, ErrorCode } from './errors.js';

/**
 * The errors Fastify raises itself, before a handler runs (a body that is not JSON, a content type
 * no route reads, a body over the limit, a malformed URL or request head), answered in the one REST
 * shape `{ error: { code, message } }`. Errors in handlers are AppExceptionFilter's; `/graphql`
 * answers in GraphQL's shape through Mercurius and the error formatter.
 */
export const restError = (code: ErrorCode | string, message: string) => ({
  error: { code, message },
});

/** The code of an error status Fastify raised: a 400 is a request it could not read. */
const codeOf = (status: number) =>
  status === 400 ? ErrorCode.BAD_REQUEST : codeOfClientStatus(status);

function answer(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    void reply.code(status).send(restError(codeOf(status), error.message));
    return;
  }
  req.log.error({ err: error }, 'unexpected error before a handler');
  void reply.code(500).send(restError(ErrorCode.INTERNAL, 'Internal server error'));
}

/**
 * Gives every REST route (registered after this call) the handler above. Nest sets its own on the
 * instance, but a route keeps the handler it was registered with, which for Fastify's own errors
 * was Fastify's default (`{ statusCode, code: 'FST_ERR_…', error, message }`).
 */
export function answerFastifyErrors(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if (route.url !== '/graphql') route.errorHandler ??= answer;
  });
}

/** Fastify's `frameworkErrors`: a URL it cannot decode, before routing. */
export function frameworkErrors(
  error: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  answer(error, req, reply);
}

/** Fastify's `clientErrorHandler`: a request head Node could not parse (431, 408, 400). */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, ErrorCode.HEADERS_TOO_LARGE, 'The request headers are larger than the server accepts']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, ErrorCode.BAD_REQUEST, 'The request was not received in time']
        : [400, ErrorCode.BAD_REQUEST, 'The request could not be read'];
  const body = JSON.stringify(restError(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
