import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ParseIdPipe } from '../common/graphql/parse-id.pipe.js';
import type { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { Role } from '../auth/role.enum.js';
import { AddSanctionInput } from './dto/sanction.inputs.js';
import { SanctionsArgs } from './dto/sanctions.args.js';
import { SanctionConnection, SanctionModel } from './sanction.model.js';
import { SanctionsService } from './sanctions.service.js';

@Resolver(() => SanctionModel)
export class SanctionsResolver {
  constructor(private readonly service: SanctionsService) {}

  @Query(() => SanctionConnection, { description: 'Sanction listings, newest listing first.' })
  @Roles(Role.ANALYST)
  sanctions(@Args() args: SanctionsArgs) {
    return this.service.list(args);
  }

  @Query(() => SanctionModel, {
    nullable: true,
    description: 'A listing by id; null when unknown.',
  })
  @Roles(Role.ANALYST)
  sanction(@Args('id', { type: () => ID }, ParseIdPipe) id: string) {
    return this.service.byId(id);
  }

  @Mutation(() => SanctionModel, {
    description: 'Records that an authority listed an organization.',
  })
  @Roles(Role.INVESTIGATOR)
  addSanction(@Args('input') input: AddSanctionInput, @CurrentActor() actor: Actor) {
    return this.service.add(actor, input);
  }

  @ResolveField(() => OrganizationModel, { description: 'The organization listed.' })
  organization(@Parent() s: SanctionModel, @Context('loaders') loaders: OrganizationLoaders) {
    return loaders.organizationById.load(s.organizationId);
  }
}
