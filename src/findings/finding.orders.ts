import { key, listOrder } from '../common/graphql/list-order.js';
import type { ComponentFindingEntity } from './component-finding.entity.js';

/** Newest recorded first: `findings`, `component.findings`, `strikeReport.findings`. */
export const FINDINGS_NEWEST = listOrder<ComponentFindingEntity>('finding.newest', 'DESC', [
  key.instant('created_at', (f) => f.createdAt),
  key.id(),
]);
