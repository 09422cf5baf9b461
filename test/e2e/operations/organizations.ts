import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

const OTHER_ID = '00000000-0000-4000-8000-000000000001';

export const organizationOperations: Record<string, SampleOperation> = {
  organizations: { role: Role.ANALYST, query: '{ organizations(first: 1) { totalCount } }' },
  organization: { role: Role.ANALYST, query: `{ organization(id: "${ZERO_ID}") { id } }` },
  createOrganization: {
    role: Role.INVESTIGATOR,
    query: 'mutation { createOrganization(input: { name: "Matrix Sample Ltd" }) { id } }',
  },
  updateOrganization: {
    role: Role.INVESTIGATOR,
    query: `mutation { updateOrganization(input: { id: "${ZERO_ID}", expectedVersion: 1, name: "x" }) { id } }`,
  },
  archiveOrganization: {
    role: Role.INVESTIGATOR,
    query: `mutation { archiveOrganization(input: { id: "${ZERO_ID}", expectedVersion: 1 }) { id } }`,
  },
  mergeOrganizations: {
    role: Role.ADMIN,
    query: `mutation { mergeOrganizations(input: { keepId: "${ZERO_ID}", duplicateId: "${OTHER_ID}" }) { id } }`,
  },
  sanctions: { role: Role.ANALYST, query: '{ sanctions(first: 1) { totalCount } }' },
  sanction: { role: Role.ANALYST, query: `{ sanction(id: "${ZERO_ID}") { id } }` },
  addSanction: {
    role: Role.INVESTIGATOR,
    query: `mutation { addSanction(input: { organizationId: "${ZERO_ID}", authority: EU, listedOn: "2023-06-23" }) { id } }`,
  },
};
