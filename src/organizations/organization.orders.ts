import { key, type ListOrder, listOrder } from '../common/graphql/list-order.js';
import type { OrganizationEntity } from './organization.entity.js';
import { OrganizationOrder } from './organization.model.js';

/** The orders of `organizations`. */
export const ORGANIZATION_ORDERS: Record<OrganizationOrder, ListOrder<OrganizationEntity>> = {
  [OrganizationOrder.NAME]: listOrder('organization.name', 'ASC', [
    key.text('name', (o) => o.name),
    key.id(),
  ]),
  [OrganizationOrder.NEWEST]: listOrder('organization.newest', 'DESC', [
    key.instant('created_at', (o) => o.createdAt),
    key.id(),
  ]),
};
