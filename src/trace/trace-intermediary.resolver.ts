import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { TraceIntermediaryModel } from './component-trace.model.js';

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
