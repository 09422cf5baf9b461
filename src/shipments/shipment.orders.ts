import { key, listOrder } from '../common/graphql/list-order.js';
import type { ShipmentEntity } from './shipment.entity.js';

/** Newest shipment first: `shipments`, `organization.shipmentsOut/In`, `component.shipments`. */
export const SHIPMENTS_NEWEST = listOrder<ShipmentEntity>('shipment.newest', 'DESC', [
  key.date('shipped_on', (s) => s.shippedOn),
  key.id(),
]);
