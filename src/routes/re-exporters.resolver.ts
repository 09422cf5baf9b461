import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import type { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { ReExportersArgs } from './dto/re-exporters.args.js';
import {
  ReExporterConnection,
  ReExporterModel,
  ReExporterSupplierModel,
} from './re-exporter.model.js';
import { ReExportersService } from './re-exporters.service.js';

@Resolver(() => ReExporterModel)
export class ReExportersResolver {
  constructor(private readonly service: ReExportersService) {}

  @Query(() => ReExporterConnection, {
    description:
      'Organizations standing as intermediaries on re-export routes that pass the filter, highest route score first, then value: see docs/re-exporters.md.',
  })
  @Roles(Role.ANALYST)
  reExporters(@Args() args: ReExportersArgs) {
    return this.service.list(args);
  }

  @ResolveField(() => OrganizationModel)
  organization(@Parent() r: ReExporterModel, @Context('loaders') loaders: OrganizationLoaders) {
    return loaders.organizationById.load(r.organizationId);
  }
}

/** `reExporter.suppliers.organization`. */
@Resolver(() => ReExporterSupplierModel)
export class ReExporterSupplierResolver {
  @ResolveField(() => OrganizationModel)
  organization(
    @Parent() s: ReExporterSupplierModel,
    @Context('loaders') loaders: OrganizationLoaders,
  ) {
    return loaders.organizationById.load(s.organizationId);
  }
}
