import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set before routing (authenticate.hook.ts): the caller, or null without a valid key. */
    user?: AuthUser | null;
  }
}

/** The Fastify request behind an HTTP route or a GraphQL resolver. */
export function requestOf(context: ExecutionContext): FastifyRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: FastifyRequest }>().req;
  }
  return context.switchToHttp().getRequest<FastifyRequest>();
}
