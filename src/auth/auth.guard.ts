import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, ErrorCode } from '../common/errors.js';
import { type Role, roleIncludes } from './role.enum.js';
import { requestOf } from './request.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';

/**
 * Checks, for every GraphQL operation and HTTP route (registered globally), the role its handler
 * declares with `@Roles`. A handler that declares none is closed; only `@Public()` is open. The
 * key itself was checked before routing (see authenticate.hook.ts).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const user = requestOf(context).user;
    if (!user) {
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'A valid API key is required: send Authorization: Bearer <key>',
      );
    }
    const required = this.reflector.getAllAndOverride<Role | undefined>(ROLES_KEY, targets);
    if (!required)
      throw new AppError(ErrorCode.FORBIDDEN, 'This operation declares no role, so it is closed');
    if (!roleIncludes(user.role, required)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `This operation needs the ${required} role; this key has ${user.role}`,
      );
    }
    return true;
  }
}
