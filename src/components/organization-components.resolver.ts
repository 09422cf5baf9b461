import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import type { ComponentLoaders } from './component.loaders.js';
import { ComponentConnection } from './component.model.js';

/** `organization.components`: the relation is the component's, so it is resolved here. */
@Resolver(() => OrganizationModel)
export class OrganizationComponentsResolver {
  @ResolveField(() => ComponentConnection, {
    description: 'Parts it makes, by part number; archived ones left out.',
  })
  components(
    @Parent() o: OrganizationModel,
    @Args() page: PageArgs,
    @Context('loaders') loaders: ComponentLoaders,
  ) {
    return loaders.componentsByManufacturer.load(o.id, page);
  }
}
