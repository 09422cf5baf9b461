import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ComponentModel } from '../components/component.model.js';
import type { ComponentLoaders } from '../components/component.loaders.js';
import type { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { ChplTier } from '../reference/reference.enums.js';
import type { ReferenceLoaders } from '../reference/reference.loaders.js';
import '../reference/reference.model.js'; // registers ChplTier
import { ShipmentModel } from '../shipments/shipment.model.js';
import { RouteGoods, RouteLegModel, RouteOrigin } from './route.model.js';

type Loaders = OrganizationLoaders & ComponentLoaders & ReferenceLoaders;

/** `route.legs.shipment`: read with the leg. */
@Resolver(() => RouteLegModel)
export class RouteLegResolver {
  @ResolveField(() => ShipmentModel)
  shipment(@Parent() leg: RouteLegModel) {
    return leg.shipment;
  }
}

/** `route.origin.organization`. */
@Resolver(() => RouteOrigin)
export class RouteOriginResolver {
  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description:
      'The maker or coalition supplier the path starts with; null when only the goods’ country of origin is known.',
  })
  organization(@Parent() o: RouteOrigin, @Context('loaders') loaders: Loaders) {
    return o.organizationId ? loaders.organizationById.load(o.organizationId) : null;
  }
}

/** `route.goods`: the part, or the HS code when the shipments name no part. */
@Resolver(() => RouteGoods)
export class RouteGoodsResolver {
  @ResolveField(() => ComponentModel, { nullable: true, description: 'The part, when known.' })
  component(@Parent() g: RouteGoods, @Context('loaders') loaders: Loaders) {
    return g.componentId ? loaders.componentById.load(g.componentId) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The goods’ 6-digit HS code: the part’s, else the route’s.',
  })
  hsCode(@Parent() g: RouteGoods, @Context('loaders') loaders: Loaders) {
    return goodsHsCode(g, loaders);
  }

  @ResolveField(() => ChplTier, {
    nullable: true,
    description: 'The CHPL tier of that HS code, when it is on the list.',
  })
  async chplTier(@Parent() g: RouteGoods, @Context('loaders') loaders: Loaders) {
    const code = await goodsHsCode(g, loaders);
    return code ? ((await loaders.hsCodeByCode.load(code))?.chplTier ?? null) : null;
  }
}

/** The part's HS code, else the route's (the same rule as the `chplTier` filter of routes). */
async function goodsHsCode(g: RouteGoods, loaders: Loaders): Promise<string | null> {
  const component = g.componentId ? await loaders.componentById.load(g.componentId) : null;
  return component?.hsCode ?? g.routeHsCode;
}
