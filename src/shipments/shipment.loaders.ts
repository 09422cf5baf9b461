import type { DataSource } from 'typeorm';
import { relationPages } from '../common/graphql/relation-pages.js';
import { ShipmentEntity } from './shipment.entity.js';
import { ShipmentModel } from './shipment.model.js';
import { SHIPMENTS_NEWEST } from './shipment.orders.js';

/** Shipments of one party or part, newest first. */
const shipmentsBy = (ds: DataSource, parentColumn: string) =>
  relationPages(ds, {
    entity: ShipmentEntity,
    parentColumn,
    order: SHIPMENTS_NEWEST,
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
