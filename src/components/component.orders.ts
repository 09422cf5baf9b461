import { key, type ListOrder, listOrder } from '../common/graphql/list-order.js';
import type { ComponentEntity } from './component.entity.js';
import { ComponentOrder } from './dto/components.args.js';

/** The orders of component lists (`components`, `organization.components`). */
export const COMPONENT_ORDERS: Record<ComponentOrder, ListOrder<ComponentEntity>> = {
  [ComponentOrder.PART_NUMBER]: listOrder('component.partNumber', 'ASC', [
    key.text('normalized_part_number', (c) => c.normalizedPartNumber),
    key.id(),
  ]),
  [ComponentOrder.NEWEST]: listOrder('component.newest', 'DESC', [
    key.instant('created_at', (c) => c.createdAt),
    key.id(),
  ]),
};
