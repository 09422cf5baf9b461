import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

export const findingOperations: Record<string, SampleOperation> = {
  findings: { role: Role.ANALYST, query: '{ findings(first: 1) { totalCount } }' },
  finding: { role: Role.ANALYST, query: `{ finding(id: "${ZERO_ID}") { id } }` },
  recordFinding: {
    role: Role.INVESTIGATOR,
    query: `mutation { recordFinding(input: { componentId: "${ZERO_ID}" }) { id } }`,
  },
  updateFinding: {
    role: Role.INVESTIGATOR,
    query: `mutation { updateFinding(input: { id: "${ZERO_ID}", expectedVersion: 1, verificationStatus: VERIFIED }) { id } }`,
  },
};
