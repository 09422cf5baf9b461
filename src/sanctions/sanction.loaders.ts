import type { DataSource } from 'typeorm';
import { relationPages } from '../common/graphql/relation-pages.js';
import { SanctionEntity } from './sanction.entity.js';
import { SanctionModel } from './sanction.model.js';

export const sanctionLoaders = (ds: DataSource) => ({
  /** `organization.sanctions`: every listing, delisted ones too, newest listing first. */
  sanctionsByOrganization: relationPages(ds, {
    entity: SanctionEntity,
    parentColumn: 'organization_id',
    direction: 'DESC',
    keys: [
      { column: 't.listed_on', value: (s) => s.listedOn },
      { column: 't.id', value: (s) => s.id },
    ],
    toNode: SanctionModel.from,
  }),
});

export type SanctionLoaders = ReturnType<typeof sanctionLoaders>;
