import type { DataSource } from 'typeorm';
import { byIdLoader } from '../common/graphql/by-id.loader.js';
import { AppUserEntity } from './app-user.entity.js';
import { UserModel } from './user.model.js';

export const userLoaders = (ds: DataSource) => ({
  userById: byIdLoader(ds, AppUserEntity, UserModel.from),
});
