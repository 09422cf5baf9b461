import { key, type ListOrder, listOrder } from '../common/graphql/list-order.js';
import { RouteOrder } from './dto/routes.args.js';
import type { RouteEntity } from './route.entity.js';

/** The orders of route lists (`reExportRoutes`, `organization.routes`, `component.routes`). */
export const ROUTE_ORDERS: Record<RouteOrder, ListOrder<RouteEntity>> = {
  [RouteOrder.SCORE]: listOrder('route.score', 'DESC', [
    key.integer('score', (r) => r.score),
    key.id(),
  ]),
  [RouteOrder.VALUE]: listOrder('route.value', 'DESC', [
    key.numeric('value_usd', (r) => r.valueUsd),
    key.id(),
  ]),
  // A route flagged by hand may have no legs, hence no dates: those come last.
  [RouteOrder.LAST_SHIPPED]: listOrder('route.lastShipped', 'DESC', [
    key.nullable('date', 'last_shipped_on', (r) => r.lastShippedOn),
    key.id(),
  ]),
};
