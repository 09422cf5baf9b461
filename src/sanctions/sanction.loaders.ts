import type { DataSource } from 'typeorm';
import { relationPages } from '../common/graphql/relation-pages.js';
import { SanctionEntity } from './sanction.entity.js';
import { SanctionModel } from './sanction.model.js';
import { SANCTIONS_NEWEST } from './sanction.orders.js';

export const sanctionLoaders = (ds: DataSource) => ({
  /** `organization.sanctions`: every listing, delisted ones too, newest listing first. */
  sanctionsByOrganization: relationPages(ds, {
    entity: SanctionEntity,
    parentColumn: 'organization_id',
    order: SANCTIONS_NEWEST,
    toNode: SanctionModel.from,
  }),
});

export type SanctionLoaders = ReturnType<typeof sanctionLoaders>;
