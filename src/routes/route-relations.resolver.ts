import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { ComponentModel } from '../components/component.model.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { PartyRoutesArgs } from './dto/routes.args.js';
import type { RouteLoaders } from './route.loaders.js';
import { RouteConnection } from './route.model.js';

/** `organization.routes`: a route holds its path, so the relation is resolved here. */
@Resolver(() => OrganizationModel)
export class OrganizationRoutesResolver {
  @ResolveField(() => RouteConnection, {
    description:
      'Re-export routes it stands on (as origin, intermediary or destination: `role` picks one), highest score first.',
  })
  routes(
    @Parent() o: OrganizationModel,
    @Args() args: PartyRoutesArgs,
    @Context('loaders') loaders: RouteLoaders,
  ) {
    return loaders.routesByParty[args.role ?? 'ANY'].load(o.id, args);
  }
}

/** `component.routes`: the routes whose goods are this part. */
@Resolver(() => ComponentModel)
export class ComponentRoutesResolver {
  @ResolveField(() => RouteConnection, {
    description: 'Re-export routes that carried this part, highest score first.',
  })
  routes(
    @Parent() c: ComponentModel,
    @Args() page: PageArgs,
    @Context('loaders') loaders: RouteLoaders,
  ) {
    return loaders.routesByComponent.load(c.id, page);
  }
}
