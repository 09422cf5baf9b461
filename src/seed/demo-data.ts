import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { ComponentEntity } from '../components/component.entity.js';
import { EvidenceLinkEntity } from '../evidence/evidence-link.entity.js';
import { EvidenceEntity } from '../evidence/evidence.entity.js';
import { ComponentFindingEntity } from '../findings/component-finding.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ShipmentEntity } from '../shipments/shipment.entity.js';
import { StrikeReportEntity } from '../strikes/strike-report.entity.js';
import { readDataCsv } from './csv.js';
import { planParts, type ComponentReportRow } from './demo-parts.js';
import { planStrikes, STRIKE_WEAPON_SYSTEMS, type StrikeReportRow } from './demo-strikes.js';
import { planSynthetic } from './demo-synthetic.js';
import { upsertWeaponSystems } from './reference-data.js';

/** Rows the demo dataset added. */
export interface DemoReport {
  weaponSystems: number;
  organizations: number;
  components: number;
  findings: number;
  strikes: number;
  evidence: number;
  evidenceLinks: number;
  shipments: number;
}

export const NO_DEMO: DemoReport = {
  weaponSystems: 0,
  organizations: 0,
  components: 0,
  findings: 0,
  strikes: 0,
  evidence: 0,
  evidenceLinks: 0,
  shipments: 0,
};

/**
 * Loads the demo dataset: the published Shahed-136 component findings with their makers and
 * evidence, the two reported strikes, and the synthetic traders, strikes and shipments. Meant for an
 * empty database (the caller checks); one INSERT per table, in the caller's transaction. Ids are
 * random, everything else is the same on every run.
 */
export async function seedDemoData(em: EntityManager, newId = randomUUID): Promise<DemoReport> {
  const weaponSystems = await upsertWeaponSystems(em, STRIKE_WEAPON_SYSTEMS);
  const weapons: { id: string; name: string }[] = await em.query(
    'SELECT id, name FROM weapon_system',
  );
  const weaponIdByName = new Map(weapons.map((w) => [w.name, w.id]));
  const shahed136 = weaponIdByName.get('Shahed-136');
  if (!shahed136) throw new Error('the reference data must be loaded before the demo data');

  const parts = planParts(
    readDataCsv<keyof ComponentReportRow>('shahed-components.csv'),
    shahed136,
    newId,
  );
  const strikes = planStrikes(
    readDataCsv<keyof StrikeReportRow>('strike-reports.csv'),
    weaponIdByName,
    newId,
  );
  const synthetic = planSynthetic(parts.components, parts.organizations, newId);
  const evidence = [...parts.evidence, ...strikes.evidence];
  const links = [...parts.links, ...strikes.links];

  return {
    weaponSystems,
    organizations: await insertAll(em, OrganizationEntity, [
      ...parts.organizations,
      ...synthetic.organizations,
    ]),
    components: await insertAll(em, ComponentEntity, parts.components),
    strikes: await insertAll(em, StrikeReportEntity, strikes.strikes),
    findings: await insertAll(em, ComponentFindingEntity, parts.findings),
    evidence: await insertAll(em, EvidenceEntity, evidence),
    evidenceLinks: await insertAll(em, EvidenceLinkEntity, links),
    shipments: await insertAll(em, ShipmentEntity, synthetic.shipments),
  };
}

/** One multi-row INSERT; rows carry their own ids, so nothing needs to be read back. */
async function insertAll<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  rows: QueryDeepPartialEntity<E>[],
): Promise<number> {
  if (!rows.length) return 0;
  await em.createQueryBuilder().insert().into(entity).values(rows).updateEntity(false).execute();
  return rows.length;
}
