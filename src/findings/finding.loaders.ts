import type { DataSource } from 'typeorm';
import { relationPages, type RelationSpec } from '../common/graphql/relation-pages.js';
import { ComponentFindingEntity } from './component-finding.entity.js';
import { FindingModel } from './finding.model.js';

/** Findings of one parent, newest first, as the `findings` list orders them. */
const newestFirst = (parentColumn: string): RelationSpec<ComponentFindingEntity, FindingModel> => ({
  entity: ComponentFindingEntity,
  parentColumn,
  direction: 'DESC',
  keys: [
    { column: 't.created_at', value: (f) => f.createdAt.toISOString() },
    { column: 't.id', value: (f) => f.id },
  ],
  toNode: FindingModel.from,
});

export const findingLoaders = (ds: DataSource) => ({
  /** `component.findings` */
  findingsByComponent: relationPages(ds, newestFirst('component_id')),
  /** `strikeReport.findings` */
  findingsByStrikeReport: relationPages(ds, newestFirst('strike_report_id')),
});
