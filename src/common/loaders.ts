import type { DataSource } from 'typeorm';
import { componentLoaders } from '../components/component.loaders.js';
import { organizationLoaders } from '../organizations/organization.loaders.js';
import { userLoaders } from '../users/user.loaders.js';

/**
 * The DataLoaders of one request, new for every request so nothing is cached across users. Each
 * feature contributes its own (`<feature>.loaders.ts`).
 */
export const createLoaders = (ds: DataSource) => ({
  ...organizationLoaders(ds),
  ...componentLoaders(ds),
  ...userLoaders(ds),
});

export type Loaders = ReturnType<typeof createLoaders>;
