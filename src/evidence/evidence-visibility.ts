import { Role, roleIncludes } from '../auth/role.enum.js';
import { EvidenceStatus } from './evidence.enums.js';

/**
 * Unpublished evidence is for investigators: ANALYST and COMPLIANCE see PUBLISHED records, and
 * RETRACTED ones (their status says so), never DRAFT or REVIEWED.
 */
export const visibleStatuses = (role: Role): EvidenceStatus[] | null =>
  roleIncludes(role, Role.INVESTIGATOR)
    ? null
    : [EvidenceStatus.PUBLISHED, EvidenceStatus.RETRACTED];

export const canSee = (role: Role, status: EvidenceStatus): boolean => {
  const statuses = visibleStatuses(role);
  return statuses === null || statuses.includes(status);
};
