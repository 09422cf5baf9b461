/** Each role includes the ones before it. */
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
