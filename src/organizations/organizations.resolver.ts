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
import { Roles } from '../auth/roles.decorator.js';
import { ParseIdPipe } from '../common/graphql/parse-id.pipe.js';
import type { OrganizationLoaders } from './organization.loaders.js';
import { Role } from '../auth/role.enum.js';
import {
  ArchiveOrganizationInput,
  CreateOrganizationInput,
  MergeOrganizationsInput,
  UpdateOrganizationInput,
} from './dto/organization.inputs.js';
import { OrganizationsArgs } from './dto/organizations.args.js';
import { OrganizationConnection, OrganizationModel } from './organization.model.js';
import { OrganizationMergeService } from './organization-merge.service.js';
import { OrganizationsService } from './organizations.service.js';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(
    private readonly service: OrganizationsService,
    private readonly merger: OrganizationMergeService,
  ) {}

  @Query(() => OrganizationConnection, {
    description: 'Organizations by name (or newest first); archived ones only when asked.',
  })
  @Roles(Role.ANALYST)
  organizations(@Args() args: OrganizationsArgs) {
    return this.service.list(args);
  }

  @Query(() => OrganizationModel, {
    nullable: true,
    description: 'An organization by id (archived too); null when unknown.',
  })
  @Roles(Role.ANALYST)
  organization(@Args('id', { type: () => ID }, ParseIdPipe) id: string) {
    return this.service.byId(id);
  }

  @Mutation(() => OrganizationModel)
  @Roles(Role.INVESTIGATOR)
  createOrganization(@Args('input') input: CreateOrganizationInput, @CurrentActor() actor: Actor) {
    return this.service.create(actor, input);
  }

  @Mutation(() => OrganizationModel)
  @Roles(Role.INVESTIGATOR)
  updateOrganization(@Args('input') input: UpdateOrganizationInput, @CurrentActor() actor: Actor) {
    return this.service.update(actor, input);
  }

  @Mutation(() => OrganizationModel, {
    description: 'Takes it out of the default lists; it stays readable by id.',
  })
  @Roles(Role.INVESTIGATOR)
  archiveOrganization(
    @Args('input') input: ArchiveOrganizationInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.archive(actor, input);
  }

  @Mutation(() => OrganizationModel, {
    description:
      'Moves every reference from the duplicate to the kept organization (parts, shipments, sanctions, lineage, routes, evidence), keeps its names as aliases, and archives it. Answers the kept one.',
  })
  @Roles(Role.ADMIN)
  mergeOrganizations(@Args('input') input: MergeOrganizationsInput, @CurrentActor() actor: Actor) {
    return this.merger.merge(actor, input);
  }

  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: 'Corporate parent (Altera → Intel).',
  })
  parent(@Parent() o: OrganizationModel, @Context('loaders') loaders: OrganizationLoaders) {
    return o.parentId ? loaders.organizationById.load(o.parentId) : null;
  }

  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description:
      'The company that took this one over (National Semiconductor → Texas Instruments).',
  })
  successor(@Parent() o: OrganizationModel, @Context('loaders') loaders: OrganizationLoaders) {
    return o.successorId ? loaders.organizationById.load(o.successorId) : null;
  }
}
