import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

export const weaponSystemOperations: Record<string, SampleOperation> = {
  weaponSystems: { role: Role.ANALYST, query: '{ weaponSystems { id } }' },
  weaponSystem: { role: Role.ANALYST, query: `{ weaponSystem(id: "${ZERO_ID}") { id } }` },
  // An unknown design country: answered BAD_USER_INPUT once the role lets the call through.
  createWeaponSystem: {
    role: Role.INVESTIGATOR,
    query:
      'mutation { createWeaponSystem(input: { name: "Matrix drone", designCountry: "ZZ" }) { id } }',
  },
};
