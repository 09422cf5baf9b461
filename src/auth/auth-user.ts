import type { Role } from './role.enum.js';

/** Who is calling: the user behind the API key, and the role the request acts with. */
export interface AuthUser {
  userId: string;
  email: string;
  role: Role;
  apiKeyId: string;
}

/** Who made a change, for the audit trail: a user, or the system (command line, seed). */
export interface Actor {
  userId: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, requestId: null };
