import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { ComponentModel } from '../components/component.model.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import type { ShipmentLoaders } from './shipment.loaders.js';
import { ShipmentConnection } from './shipment.model.js';

/** `organization.shipmentsOut` and `shipmentsIn`: the relations are the shipment's. */
@Resolver(() => OrganizationModel)
export class OrganizationShipmentsResolver {
  @ResolveField(() => ShipmentConnection, { description: 'Shipments it exported, newest first.' })
  shipmentsOut(
    @Parent() o: OrganizationModel,
    @Args() page: PageArgs,
    @Context('loaders') loaders: ShipmentLoaders,
  ) {
    return loaders.shipmentsByExporter.load(o.id, page);
  }

  @ResolveField(() => ShipmentConnection, { description: 'Shipments it imported, newest first.' })
  shipmentsIn(
    @Parent() o: OrganizationModel,
    @Args() page: PageArgs,
    @Context('loaders') loaders: ShipmentLoaders,
  ) {
    return loaders.shipmentsByImporter.load(o.id, page);
  }
}

/** `component.shipments`: the trade records of a part. */
@Resolver(() => ComponentModel)
export class ComponentShipmentsResolver {
  @ResolveField(() => ShipmentConnection, {
    description: 'Trade records of this part, newest first.',
  })
  shipments(
    @Parent() c: ComponentModel,
    @Args() page: PageArgs,
    @Context('loaders') loaders: ShipmentLoaders,
  ) {
    return loaders.shipmentsByComponent.load(c.id, page);
  }
}
