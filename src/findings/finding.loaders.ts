import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { relationPages, type RelationSpec } from '../common/graphql/relation-pages.js';
import { ComponentFindingEntity } from './component-finding.entity.js';
import { BillOfMaterialsItemModel } from './bill-of-materials.model.js';
import { VerificationStatus } from './finding.enums.js';
import { FindingModel } from './finding.model.js';
import { FINDINGS_NEWEST } from './finding.orders.js';

/** Findings of one parent, newest first, as the `findings` list orders them. */
const newestFirst = (parentColumn: string): RelationSpec<ComponentFindingEntity, FindingModel> => ({
  entity: ComponentFindingEntity,
  parentColumn,
  order: FINDINGS_NEWEST,
  toNode: FindingModel.from,
});

interface BillOfMaterialsRow {
  weapon_system_id: string;
  component_id: string;
  finding_count: number;
  manufacturer_country: string | null;
  first_recovered_on: string | null;
  last_recovered_on: string | null;
}

/**
 * `weaponSystem.billOfMaterials` for every weapon system of a request in one GROUP BY: the
 * components found in each, most often found first, then by part number. Retracted findings do
 * not count: they were withdrawn as wrong.
 */
const billOfMaterials = (ds: DataSource) =>
  new DataLoader<string, BillOfMaterialsItemModel[]>(async (ids) => {
    const rows: BillOfMaterialsRow[] = await ds.query(
      `SELECT f.weapon_system_id, f.component_id, count(*)::int AS finding_count,
              o.country AS manufacturer_country,
              min(f.recovered_on)::text AS first_recovered_on,
              max(f.recovered_on)::text AS last_recovered_on
         FROM component_finding f
         JOIN component c ON c.id = f.component_id
         JOIN organization o ON o.id = c.manufacturer_id
        WHERE f.weapon_system_id = ANY($1::uuid[]) AND f.verification_status <> $2
        GROUP BY f.weapon_system_id, f.component_id, c.normalized_part_number, o.country
        ORDER BY f.weapon_system_id, finding_count DESC, c.normalized_part_number, f.component_id`,
      [ids, VerificationStatus.RETRACTED],
    );
    const byWeapon = new Map<string, BillOfMaterialsItemModel[]>();
    for (const r of rows) {
      const item = Object.assign(new BillOfMaterialsItemModel(), {
        componentId: r.component_id,
        findingCount: r.finding_count,
        manufacturerCountry: r.manufacturer_country,
        firstRecoveredOn: r.first_recovered_on,
        lastRecoveredOn: r.last_recovered_on,
      });
      const items = byWeapon.get(r.weapon_system_id);
      if (items) items.push(item);
      else byWeapon.set(r.weapon_system_id, [item]);
    }
    return ids.map((id) => byWeapon.get(id) ?? []);
  });

export const findingLoaders = (ds: DataSource) => ({
  /** `component.findings` */
  findingsByComponent: relationPages(ds, newestFirst('component_id')),
  /** `strikeReport.findings` */
  findingsByStrikeReport: relationPages(ds, newestFirst('strike_report_id')),
  /** `weaponSystem.billOfMaterials` */
  billOfMaterialsByWeaponSystem: billOfMaterials(ds),
});

export type FindingLoaders = ReturnType<typeof findingLoaders>;
