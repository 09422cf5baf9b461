import { Role } from '../../../src/auth/role.enum.js';
import { type SampleOperation, ZERO_ID } from './sample.js';

export const shipmentOperations: Record<string, SampleOperation> = {
  shipments: { role: Role.ANALYST, query: '{ shipments(first: 1) { totalCount } }' },
  shipment: { role: Role.ANALYST, query: `{ shipment(id: "${ZERO_ID}") { id } }` },
  recordShipment: {
    role: Role.INVESTIGATOR,
    query:
      'mutation { recordShipment(input: { shippedOn: "2023-03-02", source: "matrix", sourceRecordId: "1" }) { id } }',
  },
  updateShipment: {
    role: Role.INVESTIGATOR,
    query: `mutation { updateShipment(input: { id: "${ZERO_ID}", expectedVersion: 1, description: "x" }) { id } }`,
  },
};
