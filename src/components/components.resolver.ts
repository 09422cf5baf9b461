import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ObjectType } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator.js';
import { Connection } from '../common/graphql/connection.js';
import { ParseIdPipe } from '../common/graphql/parse-id.pipe.js';
import type { Loaders } from '../common/loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { Role } from '../users/role.enum.js';
import { ComponentModel } from './component.model.js';
import { ComponentsService } from './components.service.js';
import { ComponentsArgs } from './dto/components.args.js';

@ObjectType()
export class ComponentConnection extends Connection(ComponentModel, 'Component') {}

@Resolver(() => ComponentModel)
export class ComponentsResolver {
  constructor(private readonly service: ComponentsService) {}

  @Query(() => ComponentConnection, { description: 'Components in part-number order.' })
  @Roles(Role.ANALYST)
  components(@Args() args: ComponentsArgs) {
    return this.service.list(args);
  }

  @Query(() => ComponentModel, {
    nullable: true,
    description: 'A component by id; null when unknown.',
  })
  @Roles(Role.ANALYST)
  component(@Args('id', { type: () => ID }, ParseIdPipe) id: string) {
    return this.service.byId(id);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  manufacturer(@Parent() c: ComponentModel, @Context('loaders') loaders: Loaders) {
    return loaders.organizationById.load(c.manufacturerId);
  }
}
