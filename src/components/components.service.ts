import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { escapeLike } from '../common/escape-like.js';
import { AppError, ErrorCode } from '../common/errors.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { updateVersioned } from '../common/optimistic-lock.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { assertReferences } from '../common/references.js';
import { ensureHsCodes } from '../reference/reference-checks.js';
import { ComponentEntity } from './component.entity.js';
import { ComponentModel } from './component.model.js';
import { COMPONENT_ORDERS } from './component.orders.js';
import type {
  ArchiveComponentInput,
  CreateComponentInput,
  UpdateComponentInput,
} from './dto/component.inputs.js';
import { ComponentOrder, type ComponentsArgs } from './dto/components.args.js';
import { normalizePartNumber } from './part-number.js';

@Injectable()
export class ComponentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Components matching the filter; archived ones only when asked. */
  list(args: ComponentsArgs): Promise<Page<ComponentModel>> {
    const qb = this.ds.getRepository(ComponentEntity).createQueryBuilder('c');
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('c.archived_at IS NULL');
    if (f.search) {
      const needle = normalizePartNumber(f.search);
      // Substring match on the normalized part number, served by the trigram index.
      if (needle)
        qb.andWhere('c.normalized_part_number LIKE :needle', { needle: `%${escapeLike(needle)}%` });
    }
    if (f.manufacturerId)
      qb.andWhere('c.manufacturer_id = :manufacturerId', { manufacturerId: f.manufacturerId });
    if (f.manufacturerCountry) {
      qb.andWhere('c.manufacturer_id IN (SELECT id FROM organization WHERE country = :mc)', {
        mc: f.manufacturerCountry,
      });
    }
    if (f.category) qb.andWhere('c.category = :category', { category: f.category });
    if (f.hsCode) qb.andWhere('c.hs_code = :hsCode', { hsCode: f.hsCode });
    if (f.chplTier)
      qb.andWhere('c.hs_code IN (SELECT code FROM hs_code WHERE chpl_tier = :tier)', {
        tier: f.chplTier,
      });
    if (f.foundInWeaponSystemId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM component_finding f WHERE f.component_id = c.id AND f.weapon_system_id = :ws)',
        { ws: f.foundInWeaponSystemId },
      );
    }
    const order = COMPONENT_ORDERS[args.orderBy ?? ComponentOrder.PART_NUMBER];
    return paginate(qb, args, { order, toNode: ComponentModel.from });
  }

  /** A component by id, archived or not; null when unknown. */
  async byId(id: string): Promise<ComponentModel | null> {
    const row = await this.ds.getRepository(ComponentEntity).findOneBy({ id });
    return row ? ComponentModel.from(row) : null;
  }

  create(actor: Actor, input: CreateComponentInput): Promise<ComponentModel> {
    return this.write(async (em) => {
      await assertReferences(
        em,
        'organization',
        { manufacturerId: input.manufacturerId },
        { live: true },
      );
      await ensureHsCodes(em, { hsCode: input.hsCode });
      const row = await em.getRepository(ComponentEntity).save({
        manufacturerId: input.manufacturerId,
        partNumber: input.partNumber,
        normalizedPartNumber: this.normalized(input.partNumber),
        description: input.description ?? null,
        category: input.category,
        hsCode: input.hsCode ?? null,
      });
      const after = await em.getRepository(ComponentEntity).findOneByOrFail({ id: row.id });
      await this.audit.record(em, actor, {
        action: 'component.create',
        subjectType: 'component',
        subjectId: row.id,
        after,
      });
      return ComponentModel.from(after);
    });
  }

  update(actor: Actor, input: UpdateComponentInput): Promise<ComponentModel> {
    return this.write(async (em) => {
      await ensureHsCodes(em, { hsCode: input.hsCode });
      const changes: Partial<ComponentEntity> = {};
      if (input.partNumber !== undefined) {
        changes.partNumber = input.partNumber;
        changes.normalizedPartNumber = this.normalized(input.partNumber);
      }
      if (input.description !== undefined) changes.description = input.description;
      if (input.category !== undefined) changes.category = input.category;
      if (input.hsCode !== undefined) changes.hsCode = input.hsCode;
      const { before, after } = await updateVersioned(
        em,
        ComponentEntity,
        'Component',
        input.id,
        input.expectedVersion,
        changes,
      );
      await this.audit.record(em, actor, {
        action: 'component.update',
        subjectType: 'component',
        subjectId: input.id,
        before,
        after,
      });
      return ComponentModel.from(after);
    });
  }

  /** Leaves the default lists; stays readable by id, with its findings and shipments. */
  archive(actor: Actor, input: ArchiveComponentInput): Promise<ComponentModel> {
    return this.write(async (em) => {
      const { before, after } = await updateVersioned(
        em,
        ComponentEntity,
        'Component',
        input.id,
        input.expectedVersion,
        {
          archivedAt: new Date(),
        },
      );
      await this.audit.record(em, actor, {
        action: 'component.archive',
        subjectType: 'component',
        subjectId: input.id,
        before,
        after,
      });
      return ComponentModel.from(after);
    });
  }

  private normalized(partNumber: string): string {
    const normalized = normalizePartNumber(partNumber);
    if (!normalized) {
      throw AppError.badInput('Invalid part number', [
        { field: 'partNumber', messages: ['partNumber must contain letters or digits'] },
      ]);
    }
    return normalized;
  }

  /** One transaction; a second component with the same maker and part number is CONFLICT. */
  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ds.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(
          ErrorCode.CONFLICT,
          'This manufacturer already has a component with that part number',
        );
      }
      throw error;
    }
  }
}
