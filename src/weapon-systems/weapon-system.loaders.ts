import type { DataSource } from 'typeorm';
import { byIdLoader } from '../common/graphql/by-id.loader.js';
import { WeaponSystemEntity } from './weapon-system.entity.js';
import { WeaponSystemModel } from './weapon-system.model.js';

export const weaponSystemLoaders = (ds: DataSource) => ({
  weaponSystemById: byIdLoader(ds, WeaponSystemEntity, WeaponSystemModel.from),
});

export type WeaponSystemLoaders = ReturnType<typeof weaponSystemLoaders>;
