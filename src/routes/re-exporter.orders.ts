import { key, listOrder } from '../common/graphql/list-order.js';
import type { ReExporterRow } from './re-exporters.sql.js';

/**
 * The order of `reExporters`: highest route score first, then highest value, then by organization
 * id (descending, as every key of an order runs one way), so pages never skip or repeat one.
 */
export const RE_EXPORTER_RANK = listOrder<ReExporterRow>('reExporter.rank', 'DESC', [
  key.integer('highest_score', (r) => r.highest_score),
  key.numeric('value_usd', (r) => r.value_usd),
  key.id(),
]);
