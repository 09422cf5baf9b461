import type { DataSource } from 'typeorm';
import { relationPages } from '../common/graphql/relation-pages.js';
import { ShipmentEntity } from './shipment.entity.js';
import { ShipmentModel } from './shipment.model.js';

/** Shipments of one party or part, newest first. */
const shipmentsBy = (ds: DataSource, parentColumn: string) =>
  relationPages(ds, {
    entity: ShipmentEntity,
    parentColumn,
    direction: 'DESC',
    keys: [
      { column: 't.shipped_on', value: (s) => s.shippedOn },
      { column: 't.id', value: (s) => s.id },
    ],
    toNode: ShipmentModel.from,
  });

export const shipmentLoaders = (ds: DataSource) => ({
  /** `organization.shipmentsOut`. */
  shipmentsByExporter: shipmentsBy(ds, 'exporter_id'),
  /** `organization.shipmentsIn`. */
  shipmentsByImporter: shipmentsBy(ds, 'importer_id'),
  /** `component.shipments`. */
  shipmentsByComponent: shipmentsBy(ds, 'component_id'),
});

export type ShipmentLoaders = ReturnType<typeof shipmentLoaders>;
