import type { FastifyRequest } from 'fastify';
import type { Loaders } from './loaders.js';

/** The GraphQL context of one request. */
export interface RequestContext {
  req: FastifyRequest;
  loaders: Loaders;
}
