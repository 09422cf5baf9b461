import type { Role } from '../../../src/auth/role.enum.js';

/** One sample call of a root operation, with the least role it needs. */
export interface SampleOperation {
  role: Role;
  query: string;
  variables?: Record<string, unknown>;
}

export const ZERO_ID = '00000000-0000-4000-8000-000000000000';
