import { Args, Context, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import { FindingModel } from '../findings/finding.model.js';
import type { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import {
  ComponentTraceModel,
  TraceIntermediaryModel,
  TraceRouteModel,
} from './component-trace.model.js';
import { TraceComponentArgs } from './dto/trace-component.args.js';
import { seenDates } from './seen-dates.js';
import { selectedFields } from './selected-fields.js';
import { TraceService } from './trace.service.js';

@Resolver(() => ComponentTraceModel)
export class TraceResolver {
  constructor(private readonly service: TraceService) {}

  @Query(() => ComponentTraceModel, {
    description:
      'A part from a drone, by part number or marking as printed (`TMS320 F28335PGFA G4A-17CHCHW`) or by id: its maker and their lineage, its findings, the routes that carried it, the intermediaries on them. Exactly one argument. An unknown part is NOT_FOUND with `extensions.nearest`, the known part numbers most like it.',
  })
  @Roles(Role.ANALYST)
  traceComponent(@Args() args: TraceComponentArgs, @Info() info: GraphQLResolveInfo) {
    return this.service.trace(args, selectedFields(info));
  }

  @ResolveField(() => OrganizationModel, { description: 'The maker of the part.' })
  manufacturer(
    @Parent() trace: ComponentTraceModel,
    @Context('loaders') loaders: OrganizationLoaders,
  ) {
    return loaders.organizationById.load(trace.component.manufacturerId);
  }

  @ResolveField(() => [OrganizationModel], {
    description:
      'The maker, then the company that took it over (its successor) or, when none did, its parent, and so on up to today’s owner (last): National Semiconductor, Texas Instruments.',
  })
  async lineage(
    @Parent() trace: ComponentTraceModel,
    @Context('loaders') loaders: OrganizationLoaders,
  ) {
    const organizations = await loaders.organizationById.loadMany(await trace.parts.lineageIds());
    return organizations.filter((o): o is OrganizationModel => o instanceof OrganizationModel);
  }

  @ResolveField(() => [FindingModel], {
    description:
      'Every finding of the part: latest recovered first (unknown dates last), then latest recorded.',
  })
  findings(@Parent() trace: ComponentTraceModel) {
    return trace.parts.findings();
  }

  @ResolveField(() => [TraceRouteModel], {
    description:
      'Every route of this component, then (`byHsCode: true`) every route of its HS code whose shipments name no part; each by score, then value.',
  })
  routes(@Parent() trace: ComponentTraceModel) {
    return trace.parts.routes();
  }

  @ResolveField(() => [TraceIntermediaryModel], {
    description:
      'The organizations standing as intermediaries on the routes above, highest value shipped first, then most routes, then name.',
  })
  intermediaries(@Parent() trace: ComponentTraceModel) {
    return trace.parts.intermediaries();
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The earliest date (YYYY-MM-DD) the part was seen: a recovery date of a finding not retracted, or a shipping date of a route of this component (not those by HS code).',
  })
  async firstSeen(@Parent() trace: ComponentTraceModel) {
    return seenDates(await trace.parts.findings(), await trace.parts.routes()).firstSeen;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The latest date (YYYY-MM-DD) the part was seen, as for `firstSeen`.',
  })
  async lastSeen(@Parent() trace: ComponentTraceModel) {
    return seenDates(await trace.parts.findings(), await trace.parts.routes()).lastSeen;
  }
}
