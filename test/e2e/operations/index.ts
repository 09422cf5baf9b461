import { accessOperations } from './access.js';
import { componentOperations } from './components.js';
import { evidenceOperations } from './evidence.js';
import { findingOperations } from './findings.js';
import { organizationOperations } from './organizations.js';
import { referenceOperations } from './reference.js';
import { routeOperations } from './routes.js';
import type { SampleOperation } from './sample.js';
import { shipmentOperations } from './shipments.js';
import { strikeOperations } from './strikes.js';
import { traceOperations } from './trace.js';
import { weaponSystemOperations } from './weapon-systems.js';

/**
 * A sample call for every query and mutation, for the access matrix: each feature lists its own
 * (`operations/<feature>.ts`); the matrix test fails when an operation of the schema is missing here.
 */
export const OPERATIONS: Record<string, SampleOperation> = {
  ...accessOperations,
  ...componentOperations,
  ...evidenceOperations,
  ...referenceOperations,
  ...weaponSystemOperations,
  ...strikeOperations,
  ...findingOperations,
  ...organizationOperations,
  ...shipmentOperations,
  ...routeOperations,
  ...traceOperations,
};
