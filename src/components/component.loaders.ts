import type { DataSource } from 'typeorm';
import { byIdLoader } from '../common/graphql/by-id.loader.js';
import { relationPages } from '../common/graphql/relation-pages.js';
import { ComponentEntity } from './component.entity.js';
import { ComponentModel } from './component.model.js';
import { COMPONENT_ORDERS } from './component.orders.js';
import { ComponentOrder } from './dto/components.args.js';

export const componentLoaders = (ds: DataSource) => ({
  componentById: byIdLoader(ds, ComponentEntity, ComponentModel.from),
  /** `organization.components`: a manufacturer's parts in part-number order, archived ones left out. */
  componentsByManufacturer: relationPages(ds, {
    entity: ComponentEntity,
    parentColumn: 'manufacturer_id',
    where: 't.archived_at IS NULL',
    order: COMPONENT_ORDERS[ComponentOrder.PART_NUMBER],
    toNode: ComponentModel.from,
  }),
});

export type ComponentLoaders = ReturnType<typeof componentLoaders>;
