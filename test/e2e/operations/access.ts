import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

export const accessOperations: Record<string, SampleOperation> = {
  me: { role: Role.ANALYST, query: '{ me { role } }' },
  apiKeys: { role: Role.ADMIN, query: '{ apiKeys(first: 1) { totalCount } }' },
  auditEvents: { role: Role.ADMIN, query: '{ auditEvents(first: 1) { totalCount } }' },
  createApiKey: {
    role: Role.ADMIN,
    query:
      'mutation { createApiKey(input: { email: "matrix@example.org", role: ANALYST }) { secret } }',
  },
  revokeApiKey: {
    role: Role.ADMIN,
    query: `mutation { revokeApiKey(input: { id: "${ZERO_ID}" }) { id } }`,
  },
  updateUser: {
    role: Role.ADMIN,
    query: `mutation { updateUser(input: { id: "${ZERO_ID}", expectedVersion: 1, name: "x" }) { id } }`,
  },
};
