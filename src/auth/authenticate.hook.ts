import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, httpStatusOf } from '../common/errors.js';
import { bearerKey } from './api-key.secret.js';
import { AuthService } from './auth.service.js';
import { clientAddress } from './client-address.js';
import { RateLimiter } from './rate-limiter.js';

/** The only routes open without a key (as routed: the GraphiQL page holds no data). */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set([
  '/health',
  '/graphiql',
  '/graphiql/assets/:file',
]);

/**
 * Wrong keys an address may present a minute (bursts up to as many), and the addresses remembered.
 * Past that, its requests with a key are refused before the database is asked, until its budget
 * refills (one every 2 s); requests without a key cost no look-up and are not counted.
 */
export const FAILED_KEYS = { perMinute: 30, addresses: 10_000 };

/**
 * Every request but PUBLIC_PATHS must carry a valid API key, checked before routing reaches GraphQL
 * or a controller (so nothing, not even introspection, answers without one), and is counted against
 * its key's rate limit. The role each operation needs is then checked by the AuthGuard.
 */
export function authenticateRequests(app: NestFastifyApplication): void {
  const auth = app.get(AuthService);
  const limiter = app.get(RateLimiter);
  const failures = new RateLimiter(FAILED_KEYS.perMinute, Date.now, FAILED_KEYS.addresses);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      if (PUBLIC_PATHS.has(req.routeOptions.url ?? '')) return;
      const key = bearerKey(req.headers.authorization);
      const address = clientAddress(req.ip);
      const blocked = key ? failures.wait(address) : 0;
      if (blocked > 0) {
        return rateLimited(
          req,
          reply,
          blocked,
          `Too many invalid API keys from this address: retry in ${blocked} s`,
        );
      }
      req.user = await auth.authenticate(key);
      if (!req.user) {
        if (key) failures.take(address);
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
        return rateLimited(req, reply, wait, `Rate limit reached for this key: retry in ${wait} s`);
      }
    });
}

function rateLimited(
  req: FastifyRequest,
  reply: FastifyReply,
  seconds: number,
  message: string,
): FastifyReply {
  void reply.header('retry-after', String(seconds));
  const error = new AppError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds: seconds });
  return refuse(req, reply, error);
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
