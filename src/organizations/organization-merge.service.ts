import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { AppError } from '../common/errors.js';
import { unique } from '../common/unique.js';
import type { MergeOrganizationsInput } from './dto/organization.inputs.js';
import { OrganizationEntity } from './organization.entity.js';
import { OrganizationModel } from './organization.model.js';

/**
 * Every foreign key to `organization` and `component` that a merge moves (the duplicate's parts are
 * merged into the kept maker's twins). A test compares this with the database's own foreign keys,
 * so a new table that points at an organization cannot be missed. References without a foreign key
 * are moved too: `route.party_path` (an array of organization ids) and `evidence_link` subjects.
 */
export const MERGED_FOREIGN_KEYS: Readonly<
  Record<'organization' | 'component', readonly string[]>
> = {
  organization: [
    'component.manufacturer_id',
    'organization.parent_id',
    'organization.successor_id',
    'sanction.organization_id',
    'shipment.exporter_id',
    'shipment.importer_id',
  ],
  component: ['component_finding.component_id', 'route.component_id', 'shipment.component_id'],
};

/** What `mergeOrganizations` moved, for the audit trail. */
interface MergeCounts {
  /** The duplicate's parts now made by the kept organization. */
  componentsMoved: number;
  /** The duplicate's parts the kept one also had, archived: duplicate part id → kept part id. */
  componentsMergedInto: Record<string, string>;
  /** Rows re-pointed from a duplicate part to the kept part. */
  findings: number;
  componentShipments: number;
  componentRoutes: number;
  componentEvidenceLinks: number;
  /** Rows re-pointed from the duplicate organization to the kept one. */
  shipments: number;
  sanctions: number;
  /** The duplicate's listings the kept one also had, left on the duplicate: its id → the kept one's. */
  sanctionsMergedInto: Record<string, string>;
  sanctionEvidenceLinks: number;
  organizations: number;
  /** Routes through the duplicate, now through the kept organization. */
  routes: number;
  /** Routes that became another route (the same path and goods): merged route id → the one kept. */
  routesMergedInto: Record<string, string>;
  evidenceLinks: number;
}

/** `mergeOrganizations`: one organization recorded twice becomes one. */
@Injectable()
export class OrganizationMergeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Moves every reference to the duplicate onto the kept organization, records the duplicate's
   * names as aliases of the kept one, fills the kept one's blanks from the duplicate, and archives
   * the duplicate; one transaction, one audit event.
   */
  merge(actor: Actor, input: MergeOrganizationsInput): Promise<OrganizationModel> {
    const keepId = input.keepId;
    const dupId = input.duplicateId;
    if (keepId === dupId) {
      throw AppError.badInput('An organization cannot be merged into itself', [
        { field: 'duplicateId', messages: ['duplicateId must differ from keepId'] },
      ]);
    }
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(OrganizationEntity);
      // Both rows locked, in id order so two merges of the same pair cannot deadlock.
      const locked = await repo
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .where('o.id IN (:...ids)', { ids: [keepId, dupId] })
        .orderBy('o.id')
        .getMany();
      const keep = locked.find((o) => o.id === keepId);
      const dup = locked.find((o) => o.id === dupId);
      if (!keep) throw AppError.notFound('Organization', keepId);
      if (!dup) throw AppError.notFound('Organization', dupId);
      if (keep.archivedAt) {
        throw AppError.badInput('The organization kept must not be archived', [
          { field: 'keepId', messages: [`keepId: organization ${keepId} is archived`] },
        ]);
      }

      const moved = await this.moveReferences(em, keepId, dupId);
      const other = (a: string | null, b: string | null) =>
        [a, b].find((v) => v && v !== keepId && v !== dupId) ?? null;
      await repo
        .createQueryBuilder()
        .update()
        .set({
          aliases: unique([...keep.aliases, dup.name, ...dup.aliases]).filter(
            (a) => a !== keep.name,
          ),
          roles: [...new Set([...keep.roles, ...dup.roles])],
          registrationIds: { ...dup.registrationIds, ...keep.registrationIds },
          country: keep.country ?? dup.country,
          address: keep.address ?? dup.address,
          website: keep.website ?? dup.website,
          incorporatedOn: keep.incorporatedOn ?? dup.incorporatedOn,
          parentId: other(keep.parentId, dup.parentId),
          successorId: other(keep.successorId, dup.successorId),
        })
        .where('id = :id', { id: keepId })
        .execute();
      await repo
        .createQueryBuilder()
        .update()
        .set({ archivedAt: dup.archivedAt ?? new Date() })
        .where('id = :id', { id: dupId })
        .execute();
      const keepAfter = await repo.findOneByOrFail({ id: keepId });
      const dupAfter = await repo.findOneByOrFail({ id: dupId });
      await this.audit.record(em, actor, {
        action: 'organization.merge',
        subjectType: 'organization',
        subjectId: keepId,
        before: { keep, duplicate: dup },
        after: { keep: keepAfter, duplicate: dupAfter, moved },
      });
      return OrganizationModel.from(keepAfter);
    });
  }

  /** Every row that points at `dupId` points at `keepId` afterwards (each changed row's version bumps). */
  private async moveReferences(
    em: EntityManager,
    keepId: string,
    dupId: string,
  ): Promise<MergeCounts> {
    const changed = async (sql: string, params: unknown[]): Promise<number> => {
      const [, count] = await em.query<[unknown[], number]>(sql, params);
      return count;
    };
    const bump = 'version = version + 1, updated_at = now()';

    // The duplicate's parts that the kept maker also has (same normalized part number) are one part:
    // their findings, shipments, routes and evidence move to the kept maker's component, and the
    // duplicate's copy is archived. Its other parts move to the kept maker as they are.
    const twins: { dup: string; keep: string }[] = await em.query(
      `SELECT d.id AS dup, k.id AS keep FROM component d
         JOIN component k ON k.manufacturer_id = $2 AND k.normalized_part_number = d.normalized_part_number
        WHERE d.manufacturer_id = $1`,
      [dupId, keepId],
    );
    const from = twins.map((t) => t.dup);
    const to = twins.map((t) => t.keep);
    const pairs = 'unnest($1::uuid[], $2::uuid[]) AS m(dup, keep)';
    let findings = 0;
    let componentShipments = 0;
    let componentRoutes = 0;
    let componentEvidenceLinks = 0;
    if (twins.length) {
      findings = await changed(
        `UPDATE component_finding t SET component_id = m.keep, ${bump} FROM ${pairs} WHERE t.component_id = m.dup`,
        [from, to],
      );
      componentShipments = await changed(
        `UPDATE shipment t SET component_id = m.keep, ${bump} FROM ${pairs} WHERE t.component_id = m.dup`,
        [from, to],
      );
      componentRoutes = await changed(
        `UPDATE route t SET component_id = m.keep, ${bump} FROM ${pairs} WHERE t.component_id = m.dup`,
        [from, to],
      );
      componentEvidenceLinks = await changed(
        `UPDATE evidence_link t SET subject_id = m.keep, updated_at = now() FROM ${pairs}
          WHERE t.subject_type = 'COMPONENT' AND t.subject_id = m.dup`,
        [from, to],
      );
      await changed(
        `UPDATE component SET archived_at = coalesce(archived_at, now()), ${bump} WHERE id = ANY($1::uuid[])`,
        [from],
      );
    }
    const componentsMoved = await changed(
      `UPDATE component SET manufacturer_id = $2, ${bump} WHERE manufacturer_id = $1 AND id <> ALL($3::uuid[])`,
      [dupId, keepId, from],
    );
    const shipments = await changed(
      `UPDATE shipment SET
         exporter_id = CASE WHEN exporter_id = $1 THEN $2 ELSE exporter_id END,
         importer_id = CASE WHEN importer_id = $1 THEN $2 ELSE importer_id END, ${bump}
       WHERE exporter_id = $1 OR importer_id = $1`,
      [dupId, keepId],
    );
    // The duplicate's listings that the kept organization also has (same authority, programme and
    // date) are one listing: their evidence moves to the kept one's, and the duplicate's copy stays
    // with the archived duplicate (one listing per organization, authority, programme and date).
    const sanctionTwins: { dup: string; keep: string }[] = await em.query(
      `SELECT d.id AS dup, k.id AS keep FROM sanction d
         JOIN sanction k ON k.organization_id = $2 AND k.authority = d.authority
          AND k.program IS NOT DISTINCT FROM d.program AND k.listed_on = d.listed_on
        WHERE d.organization_id = $1`,
      [dupId, keepId],
    );
    const sanctionEvidenceLinks = sanctionTwins.length
      ? await changed(
          `UPDATE evidence_link t SET subject_id = m.keep, updated_at = now() FROM ${pairs}
            WHERE t.subject_type = 'SANCTION' AND t.subject_id = m.dup`,
          [sanctionTwins.map((t) => t.dup), sanctionTwins.map((t) => t.keep)],
        )
      : 0;
    const sanctions = await changed(
      `UPDATE sanction SET organization_id = $2, ${bump} WHERE organization_id = $1 AND id <> ALL($3::uuid[])`,
      [dupId, keepId, sanctionTwins.map((t) => t.dup)],
    );
    // Other organizations whose parent or successor was the duplicate (the two merged are updated
    // by the caller).
    const organizations = await changed(
      `UPDATE organization SET
         parent_id = CASE WHEN parent_id = $1 THEN $2 ELSE parent_id END,
         successor_id = CASE WHEN successor_id = $1 THEN $2 ELSE successor_id END, ${bump}
       WHERE (parent_id = $1 OR successor_id = $1) AND id NOT IN ($1, $2)`,
      [dupId, keepId],
    );
    const { routes, routesMergedInto } = await this.moveRoutes(em, keepId, dupId);
    const evidenceLinks = await changed(
      `UPDATE evidence_link SET subject_id = $2, updated_at = now()
        WHERE subject_type = 'ORGANIZATION' AND subject_id = $1`,
      [dupId, keepId],
    );
    return {
      componentsMoved,
      componentsMergedInto: Object.fromEntries(twins.map((t) => [t.dup, t.keep])),
      findings,
      componentShipments,
      componentRoutes,
      componentEvidenceLinks,
      shipments,
      sanctions,
      sanctionsMergedInto: Object.fromEntries(sanctionTwins.map((t) => [t.dup, t.keep])),
      sanctionEvidenceLinks,
      organizations,
      routes,
      routesMergedInto,
      evidenceLinks,
    };
  }

  /**
   * Routes through the duplicate go through the kept organization; their identity (party path and
   * goods) is computed again. Two routes that become one are merged: the one kept is a route that
   * did not go through the duplicate, else the one a person looked at (flagged or reviewed), else the
   * oldest; it gains the other's legs and evidence, and keeps its own review.
   */
  private async moveRoutes(
    em: EntityManager,
    keepId: string,
    dupId: string,
  ): Promise<{ routes: number; routesMergedInto: Record<string, string> }> {
    const moving: { id: string; identity: string; target: string }[] = await em.query(
      `WITH moved AS (
         SELECT r.id, r.created_at,
                route_identity(array_replace(r.party_path, $1::uuid, $2::uuid), r.component_id, r.hs_code) AS identity,
                (r.source = 'MANUAL' OR r.status <> 'OPEN' OR r.reviewer_id IS NOT NULL) AS looked_at
           FROM route r WHERE r.party_path @> ARRAY[$1::uuid])
       SELECT m.id, m.identity,
              coalesce(
                (SELECT o.id FROM route o WHERE o.identity_hash = m.identity AND NOT o.party_path @> ARRAY[$1::uuid]),
                (SELECT x.id FROM moved x WHERE x.identity = m.identity
                  ORDER BY x.looked_at DESC, x.created_at, x.id LIMIT 1)) AS target
         FROM moved m`,
      [dupId, keepId],
    );
    const merged = moving.filter((r) => r.id !== r.target);
    if (merged.length) {
      const pairs = [merged.map((r) => r.id), merged.map((r) => r.target)];
      await em.query(
        `INSERT INTO route_leg (route_id, shipment_id, position)
         SELECT m.target, l.shipment_id, l.position
           FROM unnest($1::uuid[], $2::uuid[]) AS m(source, target) JOIN route_leg l ON l.route_id = m.source
         ON CONFLICT (route_id, shipment_id) DO NOTHING`,
        pairs,
      );
      await em.query(
        `UPDATE evidence_link e SET subject_id = m.target, updated_at = now()
           FROM unnest($1::uuid[], $2::uuid[]) AS m(source, target)
          WHERE e.subject_type = 'ROUTE' AND e.subject_id = m.source`,
        pairs,
      );
      await em.query(`DELETE FROM route WHERE id = ANY($1::uuid[])`, [pairs[0]]);
    }
    const [, routes] = await em.query<[unknown[], number]>(
      `UPDATE route SET party_path = array_replace(party_path, $1::uuid, $2::uuid),
              identity_hash = route_identity(array_replace(party_path, $1::uuid, $2::uuid), component_id, hs_code),
              version = version + 1, updated_at = now()
        WHERE party_path @> ARRAY[$1::uuid]`,
      [dupId, keepId],
    );
    return { routes, routesMergedInto: Object.fromEntries(merged.map((r) => [r.id, r.target])) };
  }
}
