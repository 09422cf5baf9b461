import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import type { SanctionLoaders } from './sanction.loaders.js';
import { SanctionConnection } from './sanction.model.js';

/** `organization.sanctions`: the relation is the listing's, so it is resolved here. */
@Resolver(() => OrganizationModel)
export class OrganizationSanctionsResolver {
  @ResolveField(() => SanctionConnection, {
    description: 'Its listings, delisted ones too, newest listing first.',
  })
  sanctions(
    @Parent() o: OrganizationModel,
    @Args() page: PageArgs,
    @Context('loaders') loaders: SanctionLoaders,
  ) {
    return loaders.sanctionsByOrganization.load(o.id, page);
  }
}
