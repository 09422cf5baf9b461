import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator.js';
import type { UserLoaders } from '../auth/user.loaders.js';
import { Role } from '../auth/role.enum.js';
import { UserModel } from '../auth/user.model.js';
import { AuditEventConnection, AuditEventModel } from './audit-event.model.js';
import { AuditService } from './audit.service.js';
import { AuditEventsArgs } from './dto/audit-events.args.js';

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first.' })
  @Roles(Role.ADMIN)
  auditEvents(@Args() args: AuditEventsArgs) {
    return this.audit.list(args);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Null for the system (seed, command line).',
  })
  actor(@Parent() e: AuditEventModel, @Context('loaders') loaders: UserLoaders) {
    return e.actorId ? loaders.userById.load(e.actorId) : null;
  }
}
