import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, httpStatusOf } from '../common/errors.js';
import { bearerKey } from './api-key.secret.js';
import { AuthService } from './auth.service.js';
import { RateLimiter } from './rate-limiter.js';

/** The only routes open without a key (as routed: the GraphiQL page holds no data). */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set([
  '/health',
  '/graphiql',
  '/graphiql/assets/:file',
]);

/**
 * Every request but PUBLIC_PATHS must carry a valid API key, checked before routing reaches GraphQL
 * or a controller (so nothing, not even introspection, answers without one), and is counted against
 * its key's rate limit. The role each operation needs is then checked by the AuthGuard.
 */
export function authenticateRequests(app: NestFastifyApplication): void {
  const auth = app.get(AuthService);
  const limiter = app.get(RateLimiter);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      if (PUBLIC_PATHS.has(req.routeOptions.url ?? '')) return;
      req.user = await auth.authenticate(bearerKey(req.headers.authorization));
      if (!req.user) {
        return refuse(
          req,
          reply,
          new AppError(
            ErrorCode.UNAUTHENTICATED,
            'A valid API key is required: send Authorization: Bearer <key>',
          ),
        );
      }
      const wait = limiter.take(req.user.apiKeyId);
      if (wait > 0) {
        void reply.header('retry-after', String(wait));
        return refuse(
          req,
          reply,
          new AppError(
            ErrorCode.RATE_LIMITED,
            `Rate limit reached for this key: retry in ${wait} s`,
            {
              retryAfterSeconds: wait,
            },
          ),
        );
      }
    });
}

/** GraphQL clients get a GraphQL-shaped error, other routes `{ error: { code, message } }`. */
function refuse(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const status = httpStatusOf[error.code];
  const detail = { message: error.message, extensions: error.extensions };
  const body = req.url.startsWith('/graphql')
    ? { data: null, errors: [detail] }
    : { error: { ...error.extensions, message: error.message } };
  return reply.code(status).send(body);
}
