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
import type { ComponentLoaders } from '../components/component.loaders.js';
import type { OrganizationLoaders } from '../organizations/organization.loaders.js';
import type { ReferenceLoaders } from '../reference/reference.loaders.js';
import { ComponentModel } from '../components/component.model.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { ChplTier } from '../reference/reference.enums.js';
import '../reference/reference.model.js'; // registers ChplTier
import { Role } from '../auth/role.enum.js';
import { RecordShipmentInput, UpdateShipmentInput } from './dto/shipment.inputs.js';
import { ShipmentsArgs } from './dto/shipments.args.js';
import { ShipmentConnection, ShipmentModel } from './shipment.model.js';
import { ShipmentsService } from './shipments.service.js';

@Resolver(() => ShipmentModel)
export class ShipmentsResolver {
  constructor(private readonly service: ShipmentsService) {}

  @Query(() => ShipmentConnection, { description: 'Trade records, newest shipment first.' })
  @Roles(Role.ANALYST)
  shipments(@Args() args: ShipmentsArgs) {
    return this.service.list(args);
  }

  @Query(() => ShipmentModel, {
    nullable: true,
    description: 'A trade record by id; null when unknown.',
  })
  @Roles(Role.ANALYST)
  shipment(@Args('id', { type: () => ID }, ParseIdPipe) id: string) {
    return this.service.byId(id);
  }

  @Mutation(() => ShipmentModel, {
    description: 'Records a trade record; the same source and source record id twice is CONFLICT.',
  })
  @Roles(Role.INVESTIGATOR)
  recordShipment(@Args('input') input: RecordShipmentInput, @CurrentActor() actor: Actor) {
    return this.service.record(actor, input);
  }

  @Mutation(() => ShipmentModel)
  @Roles(Role.INVESTIGATOR)
  updateShipment(@Args('input') input: UpdateShipmentInput, @CurrentActor() actor: Actor) {
    return this.service.update(actor, input);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  exporter(
    @Parent() s: ShipmentModel,
    @Context('loaders') loaders: OrganizationLoaders & ComponentLoaders & ReferenceLoaders,
  ) {
    return s.exporterId ? loaders.organizationById.load(s.exporterId) : null;
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  importer(
    @Parent() s: ShipmentModel,
    @Context('loaders') loaders: OrganizationLoaders & ComponentLoaders & ReferenceLoaders,
  ) {
    return s.importerId ? loaders.organizationById.load(s.importerId) : null;
  }

  @ResolveField(() => ComponentModel, {
    nullable: true,
    description: 'The part, when it is known.',
  })
  component(
    @Parent() s: ShipmentModel,
    @Context('loaders') loaders: OrganizationLoaders & ComponentLoaders & ReferenceLoaders,
  ) {
    return s.componentId ? loaders.componentById.load(s.componentId) : null;
  }

  @ResolveField(() => ChplTier, {
    nullable: true,
    description: 'The CHPL tier of the HS code, when it is on the list.',
  })
  async chplTier(
    @Parent() s: ShipmentModel,
    @Context('loaders') loaders: OrganizationLoaders & ComponentLoaders & ReferenceLoaders,
  ) {
    return s.hsCode ? ((await loaders.hsCodeByCode.load(s.hsCode))?.chplTier ?? null) : null;
  }
}
