import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor, AuthUser } from './auth-user.js';
import { requestOf } from './request.js';

/** The authenticated caller (the guard has made sure there is one). */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => requestOf(ctx).user!,
);

/** The caller as the audit trail records it: user and request id. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = requestOf(ctx);
  return { userId: req.user?.userId ?? null, requestId: String(req.id) };
});
