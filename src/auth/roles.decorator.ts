import { SetMetadata } from '@nestjs/common';
import type { Role } from './role.enum.js';

export const ROLES_KEY = 'sanctrace:roles';
export const PUBLIC_KEY = 'sanctrace:public';

/** The least role that may call this operation (each role includes the ones before it). */
export const Roles = (role: Role) => SetMetadata(ROLES_KEY, role);

/** Open without a key. Only /health is. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
