import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { hydrate, relationPages } from '../common/graphql/relation-pages.js';
import { ShipmentEntity } from '../shipments/shipment.entity.js';
import { ShipmentModel } from '../shipments/shipment.model.js';
import { RouteOrder, RoutePartyRole } from './dto/routes.args.js';
import { RouteEntity } from './route.entity.js';
import { RouteLegModel, RouteModel } from './route.model.js';
import { ROUTE_ORDERS } from './route.orders.js';
import { destinationOf, intermediariesOf, pathHolds } from './route-path.sql.js';

/** Where parent `p.parent_id` stands on route `t`; the `@>` test lets the GIN index find the routes. */
const PARTY_MATCH: Record<RoutePartyRole | 'ANY', string> = {
  ANY: pathHolds('t', 'p.parent_id'),
  [RoutePartyRole.ORIGIN]: `${pathHolds('t', 'p.parent_id')} AND t.has_origin_party AND t.party_path[1] = p.parent_id`,
  [RoutePartyRole.INTERMEDIARY]: `${pathHolds('t', 'p.parent_id')} AND p.parent_id = ANY(${intermediariesOf('t')})`,
  [RoutePartyRole.DESTINATION]: `${pathHolds('t', 'p.parent_id')} AND ${destinationOf('t')} = p.parent_id`,
};

/** The routes an organization stands on, in one role or any, highest score first. */
const routesOfParty = (ds: DataSource, role: RoutePartyRole | 'ANY') =>
  relationPages(ds, {
    entity: RouteEntity,
    parentMatch: PARTY_MATCH[role],
    order: ROUTE_ORDERS[RouteOrder.SCORE],
    toNode: RouteModel.from,
  });

/** The legs of many routes in one statement, each with its shipment: by hop, then date. */
const legsOfRoutes = (ds: DataSource) =>
  new DataLoader<string, RouteLegModel[]>(async (routeIds) => {
    const rows: Record<string, unknown>[] = await ds.query(
      `SELECT l.route_id AS "__route", l.position AS "__position", s.*
         FROM route_leg l JOIN shipment s ON s.id = l.shipment_id
        WHERE l.route_id = ANY($1::uuid[])
        ORDER BY l.route_id, l.position, s.shipped_on, s.id`,
      [routeIds],
    );
    const byRoute = new Map<string, RouteLegModel[]>();
    for (const r of rows) {
      const leg = Object.assign(new RouteLegModel(), {
        position: Number(r.__position),
        shipment: ShipmentModel.from(hydrate(ds, ShipmentEntity, r)),
      });
      const route = String(r.__route);
      const legs = byRoute.get(route);
      if (legs) legs.push(leg);
      else byRoute.set(route, [leg]);
    }
    return routeIds.map((id) => byRoute.get(id) ?? []);
  });

export const routeLoaders = (ds: DataSource) => ({
  /** `route.legs`. */
  legsByRoute: legsOfRoutes(ds),
  /** `organization.routes`, by the role asked for. */
  routesByParty: {
    ANY: routesOfParty(ds, 'ANY'),
    [RoutePartyRole.ORIGIN]: routesOfParty(ds, RoutePartyRole.ORIGIN),
    [RoutePartyRole.INTERMEDIARY]: routesOfParty(ds, RoutePartyRole.INTERMEDIARY),
    [RoutePartyRole.DESTINATION]: routesOfParty(ds, RoutePartyRole.DESTINATION),
  },
  /** `component.routes`: the routes of a part, highest score first. */
  routesByComponent: relationPages(ds, {
    entity: RouteEntity,
    parentColumn: 'component_id',
    order: ROUTE_ORDERS[RouteOrder.SCORE],
    toNode: RouteModel.from,
  }),
});

export type RouteLoaders = ReturnType<typeof routeLoaders>;
