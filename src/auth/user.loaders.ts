import type { DataSource } from 'typeorm';
import { byIdLoader } from '../common/graphql/by-id.loader.js';
import { AppUserEntity } from './app-user.entity.js';
import { UserModel } from './user.model.js';

/** People behind keys, audit events and custody events (`auditEvent.actor`, `evidence.collectedBy`). */
export const userLoaders = (ds: DataSource) => ({
  userById: byIdLoader(ds, AppUserEntity, UserModel.from),
});

export type UserLoaders = ReturnType<typeof userLoaders>;
