import { key, listOrder } from '../common/graphql/list-order.js';
import type { SanctionEntity } from './sanction.entity.js';

/** Newest listing first: `sanctions` and `organization.sanctions`. */
export const SANCTIONS_NEWEST = listOrder<SanctionEntity>('sanction.newest', 'DESC', [
  key.date('listed_on', (s) => s.listedOn),
  key.id(),
]);
