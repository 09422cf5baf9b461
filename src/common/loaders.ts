import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { AppUserEntity } from '../users/app-user.entity.js';
import { UserModel } from '../users/user.model.js';

/** Batches look-ups by id into one `IN (...)` query per type and request. */
function byIdLoader<E extends { id: string }, M>(
  ds: DataSource,
  entity: new () => E,
  toModel: (e: E) => M,
): DataLoader<string, M | null> {
  return new DataLoader<string, M | null>(async (ids) => {
    const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const byId = new Map(rows.map((r) => [r.id, toModel(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** New for every request, so nothing is cached across users or requests. */
export const createLoaders = (ds: DataSource) => ({
  organizationById: byIdLoader(ds, OrganizationEntity, OrganizationModel.from),
  userById: byIdLoader(ds, AppUserEntity, UserModel.from),
});

export type Loaders = ReturnType<typeof createLoaders>;
