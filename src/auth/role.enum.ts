/**
 * Each role includes the ones before it. Registered as a GraphQL enum in user.model.ts: this file is
 * imported by tests and scripts that must not load the GraphQL layer.
 */
export enum Role {
  ANALYST = 'ANALYST',
  COMPLIANCE = 'COMPLIANCE',
  INVESTIGATOR = 'INVESTIGATOR',
  ADMIN = 'ADMIN',
}

export const ROLE_ORDER: readonly Role[] = [
  Role.ANALYST,
  Role.COMPLIANCE,
  Role.INVESTIGATOR,
  Role.ADMIN,
];

/** True when `held` includes `required`. */
export const roleIncludes = (held: Role, required: Role): boolean =>
  ROLE_ORDER.indexOf(held) >= ROLE_ORDER.indexOf(required);
