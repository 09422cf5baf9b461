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
import type { OrganizationLoaders } from '../organizations/organization.loaders.js';
import type { ReferenceLoaders } from '../reference/reference.loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { ChplTier } from '../reference/reference.enums.js';
import { Role } from '../auth/role.enum.js';
import { ComponentConnection, ComponentModel } from './component.model.js';
import { ComponentsService } from './components.service.js';
import {
  ArchiveComponentInput,
  CreateComponentInput,
  UpdateComponentInput,
} from './dto/component.inputs.js';
import { ComponentsArgs } from './dto/components.args.js';

@Resolver(() => ComponentModel)
export class ComponentsResolver {
  constructor(private readonly service: ComponentsService) {}

  @Query(() => ComponentConnection, {
    description: 'Components, by part number unless ordered otherwise.',
  })
  @Roles(Role.ANALYST)
  components(@Args() args: ComponentsArgs) {
    return this.service.list(args);
  }

  @Query(() => ComponentModel, {
    nullable: true,
    description: 'A component by id (archived too); null when unknown.',
  })
  @Roles(Role.ANALYST)
  component(@Args('id', { type: () => ID }, ParseIdPipe) id: string) {
    return this.service.byId(id);
  }

  @Mutation(() => ComponentModel)
  @Roles(Role.INVESTIGATOR)
  createComponent(@Args('input') input: CreateComponentInput, @CurrentActor() actor: Actor) {
    return this.service.create(actor, input);
  }

  @Mutation(() => ComponentModel)
  @Roles(Role.INVESTIGATOR)
  updateComponent(@Args('input') input: UpdateComponentInput, @CurrentActor() actor: Actor) {
    return this.service.update(actor, input);
  }

  @Mutation(() => ComponentModel, {
    description: 'Takes it out of the default lists; it stays readable by id.',
  })
  @Roles(Role.INVESTIGATOR)
  archiveComponent(@Args('input') input: ArchiveComponentInput, @CurrentActor() actor: Actor) {
    return this.service.archive(actor, input);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  manufacturer(
    @Parent() c: ComponentModel,
    @Context('loaders') loaders: OrganizationLoaders & ReferenceLoaders,
  ) {
    return loaders.organizationById.load(c.manufacturerId);
  }

  @ResolveField(() => ChplTier, {
    nullable: true,
    description: "The CHPL tier of the component's HS code.",
  })
  async chplTier(
    @Parent() c: ComponentModel,
    @Context('loaders') loaders: OrganizationLoaders & ReferenceLoaders,
  ) {
    return c.hsCode ? ((await loaders.hsCodeByCode.load(c.hsCode))?.chplTier ?? null) : null;
  }
}
