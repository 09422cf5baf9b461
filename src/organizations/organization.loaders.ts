import type { DataSource } from 'typeorm';
import { byIdLoader } from '../common/graphql/by-id.loader.js';
import { OrganizationEntity } from './organization.entity.js';
import { OrganizationModel } from './organization.model.js';

export const organizationLoaders = (ds: DataSource) => ({
  organizationById: byIdLoader(ds, OrganizationEntity, OrganizationModel.from),
});

export type OrganizationLoaders = ReturnType<typeof organizationLoaders>;
