import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';

/** Batches look-ups by id into one `IN (...)` query per type and request; unknown ids give null. */
export function byIdLoader<E extends ObjectLiteral & { id: string }, M>(
  ds: DataSource,
  entity: EntityTarget<E>,
  toModel: (e: E) => M,
): DataLoader<string, M | null> {
  return new DataLoader<string, M | null>(async (ids) => {
    const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const byId = new Map(rows.map((r) => [r.id, toModel(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
