import { Role } from '../../../src/users/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

export const componentOperations: Record<string, SampleOperation> = {
  components: { role: Role.ANALYST, query: '{ components(first: 1) { totalCount } }' },
  component: { role: Role.ANALYST, query: `{ component(id: "${ZERO_ID}") { id } }` },
};
