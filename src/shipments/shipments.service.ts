import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { AppError, ErrorCode } from '../common/errors.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { updateVersioned } from '../common/optimistic-lock.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { assertReferences } from '../common/references.js';
import { lineageIds } from '../organizations/lineage.js';
import { assertCountries, ensureHsCodes } from '../reference/reference-checks.js';
import type { RecordShipmentInput, UpdateShipmentInput } from './dto/shipment.inputs.js';
import type { ShipmentsArgs } from './dto/shipments.args.js';
import { ShipmentEntity } from './shipment.entity.js';
import { ShipmentModel } from './shipment.model.js';
import { SHIPMENTS_NEWEST } from './shipment.orders.js';

type References = Pick<
  RecordShipmentInput,
  | 'exporterId'
  | 'importerId'
  | 'componentId'
  | 'originCountry'
  | 'exportCountry'
  | 'importCountry'
  | 'hsCode'
>;

const amount = (n: number | null | undefined) =>
  n === undefined ? undefined : n === null ? null : String(n);

const duplicate = (source: string, sourceRecordId: string, existingId?: string) =>
  new AppError(
    ErrorCode.CONFLICT,
    `A shipment from ${source} with record id ${sourceRecordId} is already recorded`,
    existingId ? { existingId } : {},
  );

@Injectable()
export class ShipmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Newest shipment first. */
  list(args: ShipmentsArgs): Promise<Page<ShipmentModel>> {
    const qb = this.ds.getRepository(ShipmentEntity).createQueryBuilder('s');
    const f = args.filter ?? {};
    if (f.from) qb.andWhere('s.shipped_on >= :from', { from: f.from });
    if (f.to) qb.andWhere('s.shipped_on <= :to', { to: f.to });
    if (f.exporterId) qb.andWhere('s.exporter_id = :exporterId', { exporterId: f.exporterId });
    if (f.importerId) qb.andWhere('s.importer_id = :importerId', { importerId: f.importerId });
    if (f.componentId) qb.andWhere('s.component_id = :componentId', { componentId: f.componentId });
    if (f.hsCode) qb.andWhere('s.hs_code = :hsCode', { hsCode: f.hsCode });
    if (f.chplTier) {
      qb.andWhere('s.hs_code IN (SELECT h.code FROM hs_code h WHERE h.chpl_tier = :chplTier)', {
        chplTier: f.chplTier,
      });
    }
    if (f.manufacturerId) {
      qb.andWhere(
        `s.component_id IN (SELECT c.id FROM component c
           WHERE c.manufacturer_id IN (${lineageIds(':manufacturerId')}))`,
        { manufacturerId: f.manufacturerId },
      );
    }
    if (f.originCountry)
      qb.andWhere('s.origin_country = :originCountry', { originCountry: f.originCountry });
    if (f.synthetic !== undefined && f.synthetic !== null)
      qb.andWhere('s.synthetic = :synthetic', { synthetic: f.synthetic });
    if (f.exportCountry)
      qb.andWhere('s.export_country = :exportCountry', { exportCountry: f.exportCountry });
    if (f.importCountry)
      qb.andWhere('s.import_country = :importCountry', { importCountry: f.importCountry });
    if (f.minValueUsd !== undefined && f.minValueUsd !== null)
      qb.andWhere('s.value_usd >= :minValueUsd', { minValueUsd: f.minValueUsd });
    return paginate(qb, args, { order: SHIPMENTS_NEWEST, toNode: ShipmentModel.from });
  }

  async byId(id: string): Promise<ShipmentModel | null> {
    const row = await this.ds.getRepository(ShipmentEntity).findOneBy({ id });
    return row ? ShipmentModel.from(row) : null;
  }

  /** A new trade record; the same source and source record id twice is CONFLICT. */
  async record(actor: Actor, input: RecordShipmentInput): Promise<ShipmentModel> {
    try {
      return await this.ds.transaction(async (em) => {
        const repo = em.getRepository(ShipmentEntity);
        const existing = await repo.findOneBy({
          source: input.source,
          sourceRecordId: input.sourceRecordId,
        });
        if (existing) throw duplicate(input.source, input.sourceRecordId, existing.id);
        await this.checkReferences(em, input);
        const { id } = await repo.save(
          repo.create({
            shippedOn: input.shippedOn,
            exporterId: input.exporterId ?? null,
            importerId: input.importerId ?? null,
            originCountry: input.originCountry ?? null,
            exportCountry: input.exportCountry ?? null,
            importCountry: input.importCountry ?? null,
            hsCode: input.hsCode ?? null,
            componentId: input.componentId ?? null,
            partNumberRaw: input.partNumberRaw ?? null,
            description: input.description ?? null,
            quantity: amount(input.quantity) ?? null,
            valueUsd: amount(input.valueUsd) ?? null,
            source: input.source,
            sourceRecordId: input.sourceRecordId,
          }),
        );
        const after = await repo.findOneByOrFail({ id });
        await this.audit.record(em, actor, {
          action: 'shipment.record',
          subjectType: 'shipment',
          subjectId: id,
          after,
        });
        return ShipmentModel.from(after);
      });
    } catch (e) {
      // Two records of the same line at once: the loser meets the unique constraint.
      if (isUniqueViolation(e)) throw duplicate(input.source, input.sourceRecordId);
      throw e;
    }
  }

  update(actor: Actor, input: UpdateShipmentInput): Promise<ShipmentModel> {
    return this.ds.transaction(async (em) => {
      const id = input.id;
      const changes: Partial<ShipmentEntity> = {};
      const set = <K extends keyof ShipmentEntity>(
        key: K,
        value: ShipmentEntity[K] | undefined,
      ) => {
        if (value !== undefined) changes[key] = value;
      };
      set('shippedOn', input.shippedOn);
      set('exporterId', input.exporterId);
      set('importerId', input.importerId);
      set('originCountry', input.originCountry);
      set('exportCountry', input.exportCountry);
      set('importCountry', input.importCountry);
      set('hsCode', input.hsCode);
      set('componentId', input.componentId);
      set('partNumberRaw', input.partNumberRaw);
      set('description', input.description);
      set('quantity', amount(input.quantity));
      set('valueUsd', amount(input.valueUsd));
      await this.checkReferences(em, changes);
      const { before, after } = await updateVersioned(
        em,
        ShipmentEntity,
        'Shipment',
        id,
        input.expectedVersion,
        changes,
      );
      await this.audit.record(em, actor, {
        action: 'shipment.update',
        subjectType: 'shipment',
        subjectId: id,
        before,
        after,
      });
      return ShipmentModel.from(after);
    });
  }

  /** Parties and part exist and are not archived, countries exist, the HS code is real (added when new). */
  private async checkReferences(em: EntityManager, r: References): Promise<void> {
    await assertReferences(
      em,
      'organization',
      { exporterId: r.exporterId, importerId: r.importerId },
      { live: true },
    );
    await assertReferences(em, 'component', { componentId: r.componentId }, { live: true });
    await assertCountries(em, {
      originCountry: r.originCountry,
      exportCountry: r.exportCountry,
      importCountry: r.importCountry,
    });
    await ensureHsCodes(em, { hsCode: r.hsCode });
  }
}
