import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode } from '../errors.js';

/** A JSON array sent to /graphql (a batch of operations) is refused with a GraphQL-shaped error. */
export function refuseBatchedQueries(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (req, reply) => {
      if (req.url.split('?')[0] === '/graphql' && Array.isArray(req.body)) {
        await reply.code(400).send({
          data: null,
          errors: [
            {
              message: 'Batched requests are not allowed: send one operation per request',
              extensions: { code: ErrorCode.BATCHED_QUERIES_NOT_ALLOWED },
            },
          ],
        });
      }
    });
}
