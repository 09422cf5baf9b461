import { Args, Context, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator.js';
import { Connection } from '../common/graphql/connection.js';
import type { Loaders } from '../common/loaders.js';
import { Role } from '../users/role.enum.js';
import { UserModel } from '../users/user.model.js';
import { AuditEventModel } from './audit-event.model.js';
import { AuditService } from './audit.service.js';
import { AuditEventsArgs } from './dto/audit-events.args.js';

@ObjectType()
export class AuditEventConnection extends Connection(AuditEventModel, 'AuditEvent') {}

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
  actor(@Parent() e: AuditEventModel, @Context('loaders') loaders: Loaders) {
    return e.actorId ? loaders.userById.load(e.actorId) : null;
  }
}
