import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

export const routeOperations: Record<string, SampleOperation> = {
  reExportRoutes: { role: Role.ANALYST, query: '{ reExportRoutes(first: 1) { totalCount } }' },
  reExportRoute: { role: Role.ANALYST, query: `{ reExportRoute(id: "${ZERO_ID}") { id } }` },
  reExporters: {
    role: Role.ANALYST,
    query: '{ reExporters(first: 1) { totalCount edges { node { organization { id } } } } }',
  },
  detectRoutes: {
    role: Role.COMPLIANCE,
    query: 'mutation { detectRoutes { mode routesFound } }',
  },
  flagRoute: {
    role: Role.INVESTIGATOR,
    query: `mutation { flagRoute(input: { partyIds: ["${ZERO_ID}", "${ZERO_ID.replace(/0$/, '1')}"], hsCode: "854231", note: "x" }) { id } }`,
  },
  reviewRoute: {
    role: Role.COMPLIANCE,
    query: `mutation { reviewRoute(input: { id: "${ZERO_ID}", status: OPEN, expectedVersion: 1 }) { id } }`,
  },
};
