import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { escapeLike } from '../common/escape-like.js';
import { AppError } from '../common/errors.js';
import { unique } from '../common/unique.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { updateVersioned } from '../common/optimistic-lock.js';
import { assertReferences } from '../common/references.js';
import { assertCountries } from '../reference/reference-checks.js';
import type {
  ArchiveOrganizationInput,
  CreateOrganizationInput,
  UpdateOrganizationInput,
} from './dto/organization.inputs.js';
import type { OrganizationsArgs } from './dto/organizations.args.js';
import { normalizeOrganizationName } from './normalize-name.js';
import { OrganizationEntity } from './organization.entity.js';
import { OrganizationModel } from './organization.model.js';
import { ORGANIZATION_ORDERS } from './organization.orders.js';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** By name (or newest first); archived ones only when asked. */
  list(args: OrganizationsArgs): Promise<Page<OrganizationModel>> {
    const qb = this.ds.getRepository(OrganizationEntity).createQueryBuilder('o');
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('o.archived_at IS NULL');
    const search = f.search?.trim();
    if (search) {
      // Substring or close-spelling match on name and aliases, folded alike on both sides; both
      // operators are served by the GIN trigram index on organization_search_text(name, aliases).
      qb.andWhere(
        `(organization_search_text(o.name, o.aliases) LIKE '%' || organization_search_key(:searchLike) || '%'
          OR organization_search_key(:search) <% organization_search_text(o.name, o.aliases))`,
        { search, searchLike: escapeLike(search) },
      );
    }
    if (f.country) qb.andWhere('o.country = :country', { country: f.country });
    if (f.role)
      qb.andWhere('o.roles @> CAST(ARRAY[:role] AS organization_role[])', { role: f.role });
    if (f.sanctioned !== undefined && f.sanctioned !== null) {
      qb.andWhere(
        `${f.sanctioned ? '' : 'NOT '}EXISTS (SELECT 1 FROM sanction s WHERE s.organization_id = o.id
           AND (s.delisted_on IS NULL OR s.delisted_on > CURRENT_DATE))`,
      );
    }
    if (f.countryRiskGroup) {
      qb.andWhere('o.country IN (SELECT c.code FROM country c WHERE c.risk_group = :riskGroup)', {
        riskGroup: f.countryRiskGroup,
      });
    }
    if (f.shippedTo) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM shipment s WHERE s.exporter_id = o.id AND s.import_country = :shippedTo)',
        { shippedTo: f.shippedTo },
      );
    }
    return paginate(qb, args, {
      order: ORGANIZATION_ORDERS[args.orderBy],
      toNode: OrganizationModel.from,
    });
  }

  /** By id, archived or not; null when unknown. */
  async byId(id: string): Promise<OrganizationModel | null> {
    const row = await this.ds.getRepository(OrganizationEntity).findOneBy({ id });
    return row ? OrganizationModel.from(row) : null;
  }

  create(actor: Actor, input: CreateOrganizationInput): Promise<OrganizationModel> {
    return this.ds.transaction(async (em) => {
      await assertCountries(em, { country: input.country });
      await assertReferences(
        em,
        'organization',
        { parentId: input.parentId, successorId: input.successorId },
        { live: true },
      );
      const repo = em.getRepository(OrganizationEntity);
      const { id } = await repo.save(
        repo.create({
          name: input.name,
          normalizedName: normalizeOrganizationName(input.name),
          aliases: unique(input.aliases ?? []),
          country: input.country ?? null,
          roles: input.roles ?? [],
          registrationIds: input.registrationIds ?? {},
          address: input.address ?? null,
          website: input.website ?? null,
          incorporatedOn: input.incorporatedOn ?? null,
          parentId: input.parentId ?? null,
          successorId: input.successorId ?? null,
        }),
      );
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, actor, {
        action: 'organization.create',
        subjectType: 'organization',
        subjectId: id,
        after,
      });
      return OrganizationModel.from(after);
    });
  }

  update(actor: Actor, input: UpdateOrganizationInput): Promise<OrganizationModel> {
    return this.ds.transaction(async (em) => {
      const id = input.id;
      const changes: Partial<OrganizationEntity> = {};
      if (input.name !== undefined) {
        changes.name = input.name;
        changes.normalizedName = normalizeOrganizationName(input.name);
      }
      if (input.aliases !== undefined) changes.aliases = unique(input.aliases);
      if (input.country !== undefined) changes.country = input.country;
      if (input.roles !== undefined) changes.roles = input.roles;
      if (input.registrationIds !== undefined) changes.registrationIds = input.registrationIds;
      if (input.address !== undefined) changes.address = input.address;
      if (input.website !== undefined) changes.website = input.website;
      if (input.incorporatedOn !== undefined) changes.incorporatedOn = input.incorporatedOn;
      if (input.parentId !== undefined) changes.parentId = input.parentId ?? null;
      if (input.successorId !== undefined) changes.successorId = input.successorId ?? null;

      await assertCountries(em, { country: changes.country });
      await this.assertLineage(em, id, {
        parentId: changes.parentId,
        successorId: changes.successorId,
      });
      const { before, after } = await updateVersioned(
        em,
        OrganizationEntity,
        'Organization',
        id,
        input.expectedVersion,
        changes,
      );
      await this.audit.record(em, actor, {
        action: 'organization.update',
        subjectType: 'organization',
        subjectId: id,
        before,
        after,
      });
      return OrganizationModel.from(after);
    });
  }

  /** Out of the default lists, still readable by id. Archiving an archived one keeps its date. */
  archive(actor: Actor, input: ArchiveOrganizationInput): Promise<OrganizationModel> {
    return this.ds.transaction(async (em) => {
      const id = input.id;
      const current = await em.getRepository(OrganizationEntity).findOneBy({ id });
      if (!current) throw AppError.notFound('Organization', id);
      const { before, after } = await updateVersioned(
        em,
        OrganizationEntity,
        'Organization',
        id,
        input.expectedVersion,
        { archivedAt: current.archivedAt ?? new Date() },
      );
      await this.audit.record(em, actor, {
        action: 'organization.archive',
        subjectType: 'organization',
        subjectId: id,
        before,
        after,
      });
      return OrganizationModel.from(after);
    });
  }

  /** A parent or successor must exist, not be archived, not be the organization itself, nor make a cycle. */
  private async assertLineage(
    em: EntityManager,
    id: string,
    fields: { parentId?: string | null; successorId?: string | null },
  ): Promise<void> {
    for (const [field, target] of Object.entries(fields)) {
      if (target && target === id) {
        throw AppError.badInput('An organization cannot be its own parent or successor', [
          { field, messages: [`${field} must not be the organization itself`] },
        ]);
      }
    }
    await assertReferences(em, 'organization', fields, { live: true });
    const column = { parentId: 'parent_id', successorId: 'successor_id' } as const;
    for (const field of ['parentId', 'successorId'] as const) {
      const target = fields[field];
      if (!target) continue;
      // Walk up from the new target: meeting this organization would close a loop.
      const [{ loops }]: { loops: boolean }[] = await em.query(
        `WITH RECURSIVE up(id, depth) AS (
           SELECT $1::uuid, 0
           UNION
           SELECT o.${column[field]}, up.depth + 1 FROM organization o JOIN up ON o.id = up.id
            WHERE o.${column[field]} IS NOT NULL AND up.depth < 100
         ) SELECT EXISTS (SELECT 1 FROM up WHERE id = $2::uuid) AS loops`,
        [target, id],
      );
      if (loops) {
        throw AppError.badInput(`That ${field} would make a loop`, [
          { field, messages: [`${field}: ${target} already descends from this organization`] },
        ]);
      }
    }
  }
}
