import { Role } from '../../../src/auth/role.enum.js';
import type { SampleOperation } from './sample.js';

export const referenceOperations: Record<string, SampleOperation> = {
  hsCodes: { role: Role.ANALYST, query: '{ hsCodes(first: 1) { totalCount } }' },
  hsCode: { role: Role.ANALYST, query: '{ hsCode(code: "854231") { chplTier } }' },
  countries: { role: Role.ANALYST, query: '{ countries(first: 1) { totalCount } }' },
  country: { role: Role.ANALYST, query: '{ country(code: "HK") { riskGroup } }' },
};
