import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

const SHA = '0'.repeat(64);

export const evidenceOperations: Record<string, SampleOperation> = {
  evidenceRecords: { role: Role.ANALYST, query: '{ evidenceRecords(first: 1) { totalCount } }' },
  evidence: { role: Role.ANALYST, query: `{ evidence(id: "${ZERO_ID}") { id } }` },
  addEvidence: {
    role: Role.INVESTIGATOR,
    query: 'mutation { addEvidence(input: { title: "matrix" }) { id } }',
  },
  updateEvidence: {
    role: Role.INVESTIGATOR,
    query: `mutation { updateEvidence(input: { id: "${ZERO_ID}", expectedVersion: 1, title: "x" }) { id } }`,
  },
  setEvidenceStatus: {
    role: Role.INVESTIGATOR,
    query: `mutation { setEvidenceStatus(input: { id: "${ZERO_ID}", status: REVIEWED }) { id } }`,
  },
  linkEvidence: {
    role: Role.INVESTIGATOR,
    query: `mutation { linkEvidence(input: { evidenceId: "${ZERO_ID}", subjectType: COMPONENT, subjectId: "${ZERO_ID}" }) { id } }`,
  },
  corroborateEvidence: {
    role: Role.INVESTIGATOR,
    query: `mutation { corroborateEvidence(input: { evidenceId: "${ZERO_ID}", otherEvidenceId: "${ZERO_ID.replace(/0$/, '1')}", sharedOrigin: false }) { sharedOrigin } }`,
  },
  recordCustodyEvent: {
    role: Role.INVESTIGATOR,
    query: `mutation { recordCustodyEvent(input: { evidenceId: "${ZERO_ID}", action: ANALYZED }) { id } }`,
  },
  verifyEvidenceFile: {
    role: Role.INVESTIGATOR,
    query: `mutation { verifyEvidenceFile(input: { evidenceId: "${ZERO_ID}", sha256: "${SHA}" }) { ok } }`,
  },
};
