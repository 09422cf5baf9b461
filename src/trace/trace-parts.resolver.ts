import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { RouteModel } from '../routes/route.model.js';
import { TraceIntermediaryModel, TraceRouteModel } from './component-trace.model.js';

@Resolver(() => TraceRouteModel)
export class TraceRouteResolver {
  @ResolveField(() => RouteModel)
  route(@Parent() traced: TraceRouteModel) {
    return traced.route;
  }
}

@Resolver(() => TraceIntermediaryModel)
export class TraceIntermediaryResolver {
  @ResolveField(() => OrganizationModel)
  organization(
    @Parent() intermediary: TraceIntermediaryModel,
    @Context('loaders') loaders: OrganizationLoaders,
  ) {
    return loaders.organizationById.load(intermediary.organizationId);
  }
}
