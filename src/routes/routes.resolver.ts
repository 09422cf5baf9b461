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
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import type { UserLoaders } from '../auth/user.loaders.js';
import { UserModel } from '../auth/user.model.js';
import { ParseIdPipe } from '../common/graphql/parse-id.pipe.js';
import type { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { ReviewRouteInput } from './dto/review-route.input.js';
import { RoutesArgs } from './dto/routes.args.js';
import type { RouteLoaders } from './route.loaders.js';
import {
  RouteConnection,
  RouteGoods,
  RouteLegModel,
  RouteModel,
  RouteOrigin,
} from './route.model.js';
import { RoutesService } from './routes.service.js';

type Loaders = RouteLoaders & OrganizationLoaders & UserLoaders;

@Resolver(() => RouteModel)
export class RoutesResolver {
  constructor(private readonly service: RoutesService) {}

  @Query(() => RouteConnection, {
    description: 'Re-export routes, highest score first unless `orderBy` says otherwise.',
  })
  @Roles(Role.ANALYST)
  reExportRoutes(@Args() args: RoutesArgs) {
    return this.service.list(args);
  }

  @Query(() => RouteModel, { nullable: true, description: 'A route by id; null when unknown.' })
  @Roles(Role.ANALYST)
  reExportRoute(@Args('id', { type: () => ID }, ParseIdPipe) id: string) {
    return this.service.byId(id);
  }

  @Mutation(() => RouteModel, {
    description:
      'A reviewer sets the status of a route with a note (required to CONFIRM or DISMISS); audited.',
  })
  @Roles(Role.COMPLIANCE)
  reviewRoute(@Args('input') input: ReviewRouteInput, @CurrentActor() actor: Actor) {
    return this.service.review(actor, input);
  }

  @ResolveField(() => [RouteLegModel], {
    description: 'The shipments along the route, by hop (0 leaves the first party), then date.',
  })
  legs(@Parent() r: RouteModel, @Context('loaders') loaders: Loaders) {
    return loaders.legsByRoute.load(r.id);
  }

  @ResolveField(() => RouteOrigin)
  origin(@Parent() r: RouteModel) {
    return RouteOrigin.of(r);
  }

  @ResolveField(() => [OrganizationModel], {
    description: 'The parties between origin and destination, in path order.',
  })
  intermediaries(@Parent() r: RouteModel, @Context('loaders') loaders: Loaders) {
    return Promise.all(r.intermediaryIds.map((id) => loaders.organizationById.load(id)));
  }

  @ResolveField(() => OrganizationModel, {
    description: 'The party the goods reach, in a destination of concern.',
  })
  destination(@Parent() r: RouteModel, @Context('loaders') loaders: Loaders) {
    return loaders.organizationById.load(r.destinationId);
  }

  @ResolveField(() => RouteGoods)
  goods(@Parent() r: RouteModel) {
    return RouteGoods.of(r);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who reviewed it last.' })
  reviewer(@Parent() r: RouteModel, @Context('loaders') loaders: Loaders) {
    return r.reviewerId ? loaders.userById.load(r.reviewerId) : null;
  }
}
