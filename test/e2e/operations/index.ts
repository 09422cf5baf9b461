import { accessOperations } from './access.js';
import { componentOperations } from './components.js';
import type { SampleOperation } from './sample.js';

/**
 * A sample call for every query and mutation, for the access matrix: each feature lists its own
 * (`operations/<feature>.ts`); the matrix test fails when an operation of the schema is missing here.
 */
export const OPERATIONS: Record<string, SampleOperation> = {
  ...accessOperations,
  ...componentOperations,
};
