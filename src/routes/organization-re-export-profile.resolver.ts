import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationModel } from '../organizations/organization.model.js';
import type { ReExporterLoaders } from './re-exporter.loaders.js';
import { ReExporterModel } from './re-exporter.model.js';

/** `organization.reExportProfile`: a route holds its path, so the relation is resolved here. */
@Resolver(() => OrganizationModel)
export class OrganizationReExportProfileResolver {
  @ResolveField(() => ReExporterModel, {
    nullable: true,
    description:
      'Its figures as a re-exporter over every route it stands on as an intermediary (as `reExporters` without a filter); null when it stands on none.',
  })
  reExportProfile(@Parent() o: OrganizationModel, @Context('loaders') loaders: ReExporterLoaders) {
    return loaders.reExportProfileByOrganization.load(o.id);
  }
}
