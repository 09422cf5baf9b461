import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

export const componentOperations: Record<string, SampleOperation> = {
  components: { role: Role.ANALYST, query: '{ components(first: 1) { totalCount } }' },
  component: { role: Role.ANALYST, query: `{ component(id: "${ZERO_ID}") { id } }` },
  createComponent: {
    role: Role.INVESTIGATOR,
    query: `mutation { createComponent(input: { manufacturerId: "${ZERO_ID}", partNumber: "X-1" }) { id } }`,
  },
  updateComponent: {
    role: Role.INVESTIGATOR,
    query: `mutation { updateComponent(input: { id: "${ZERO_ID}", expectedVersion: 1, description: "x" }) { id } }`,
  },
  archiveComponent: {
    role: Role.INVESTIGATOR,
    query: `mutation { archiveComponent(input: { id: "${ZERO_ID}", expectedVersion: 1 }) { id } }`,
  },
};
