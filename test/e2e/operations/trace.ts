import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

export const traceOperations: Record<string, SampleOperation> = {
  traceComponent: {
    role: Role.ANALYST,
    query: `{ traceComponent(componentId: "${ZERO_ID}") { matchedBy } }`,
  },
};
