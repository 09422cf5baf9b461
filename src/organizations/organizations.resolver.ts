import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Loaders } from '../common/loaders.js';
import { OrganizationModel } from './organization.model.js';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: 'Corporate parent (Altera → Intel).',
  })
  parent(@Parent() o: OrganizationModel, @Context('loaders') loaders: Loaders) {
    return o.parentId ? loaders.organizationById.load(o.parentId) : null;
  }

  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description:
      'The company that took this one over (National Semiconductor → Texas Instruments).',
  })
  successor(@Parent() o: OrganizationModel, @Context('loaders') loaders: Loaders) {
    return o.successorId ? loaders.organizationById.load(o.successorId) : null;
  }
}
