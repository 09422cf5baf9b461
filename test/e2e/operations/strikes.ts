import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

export const strikeOperations: Record<string, SampleOperation> = {
  strikeReports: { role: Role.ANALYST, query: '{ strikeReports(first: 1) { totalCount } }' },
  strikeReport: { role: Role.ANALYST, query: `{ strikeReport(id: "${ZERO_ID}") { id } }` },
  reportStrike: {
    role: Role.INVESTIGATOR,
    query: `mutation { reportStrike(input: { occurredAt: "2024-01-01T00:00:00Z", weaponSystemId: "${ZERO_ID}" }) { id } }`,
  },
  updateStrikeReport: {
    role: Role.INVESTIGATOR,
    query: `mutation { updateStrikeReport(input: { id: "${ZERO_ID}", expectedVersion: 1, killed: 0 }) { id } }`,
  },
};
