import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { AppError } from '../common/errors.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { updateVersioned } from '../common/optimistic-lock.js';
import { assertReferences } from '../common/references.js';
import { ComponentFindingEntity } from './component-finding.entity.js';
import type { RecordFindingInput, UpdateFindingInput } from './dto/finding.inputs.js';
import type { FindingsArgs } from './dto/findings.args.js';
import { VerificationStatus } from './finding.enums.js';
import { FindingModel } from './finding.model.js';
import { FINDINGS_NEWEST } from './finding.orders.js';

/** The fields an update may change, as the input names them (the column of each is the same). */
const EDITABLE = [
  'componentId',
  'weaponSystemId',
  'strikeReportId',
  'sampleRef',
  'marking',
  'dateCode',
  'lotCode',
  'serial',
  'recoveredOn',
  'verificationStatus',
] as const;

/** The part type named exists and is not archived; the weapon system and strike report exist. */
async function checkReferences(
  em: EntityManager,
  input: Pick<RecordFindingInput, 'weaponSystemId' | 'strikeReportId'> & { componentId?: string },
): Promise<void> {
  await assertReferences(em, 'component', { componentId: input.componentId }, { live: true });
  await assertReferences(em, 'weapon_system', { weaponSystemId: input.weaponSystemId });
  await assertReferences(em, 'strike_report', { strikeReportId: input.strikeReportId });
}

@Injectable()
export class FindingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Newest first (created_at, then id, descending). */
  list(args: FindingsArgs): Promise<Page<FindingModel>> {
    const qb = this.ds.getRepository(ComponentFindingEntity).createQueryBuilder('f');
    const f = args.filter ?? {};
    if (f.componentId) qb.andWhere('f.component_id = :componentId', { componentId: f.componentId });
    if (f.weaponSystemId)
      qb.andWhere('f.weapon_system_id = :weaponSystemId', { weaponSystemId: f.weaponSystemId });
    if (f.manufacturerCountry) {
      qb.andWhere(
        `f.component_id IN (SELECT c.id FROM component c
           JOIN organization o ON o.id = c.manufacturer_id WHERE o.country = :mc)`,
        { mc: f.manufacturerCountry },
      );
    }
    if (f.verificationStatus)
      qb.andWhere('f.verification_status = :status', { status: f.verificationStatus });
    if (f.from) qb.andWhere('f.recovered_on >= :from', { from: f.from });
    if (f.to) qb.andWhere('f.recovered_on <= :to', { to: f.to });
    return paginate(qb, args, { order: FINDINGS_NEWEST, toNode: FindingModel.from });
  }

  async byId(id: string): Promise<FindingModel | null> {
    const row = await this.ds.getRepository(ComponentFindingEntity).findOneBy({ id });
    return row ? FindingModel.from(row) : null;
  }

  /**
   * A part recovered from a weapon. Recorded against a strike without a weapon system, it takes
   * the strike's.
   */
  record(actor: Actor, input: RecordFindingInput): Promise<FindingModel> {
    return this.ds.transaction(async (em) => {
      await checkReferences(em, input);
      let weaponSystemId = input.weaponSystemId ?? null;
      if (input.weaponSystemId === undefined && input.strikeReportId) {
        const [strike]: { weapon_system_id: string | null }[] = await em.query(
          'SELECT weapon_system_id FROM strike_report WHERE id = $1',
          [input.strikeReportId],
        );
        weaponSystemId = strike.weapon_system_id;
      }
      const repo = em.getRepository(ComponentFindingEntity);
      const { id } = await repo.save({
        componentId: input.componentId,
        weaponSystemId,
        strikeReportId: input.strikeReportId ?? null,
        sampleRef: input.sampleRef ?? null,
        marking: input.marking ?? null,
        dateCode: input.dateCode ?? null,
        lotCode: input.lotCode ?? null,
        serial: input.serial ?? null,
        recoveredOn: input.recoveredOn ?? null,
        verificationStatus: input.verificationStatus ?? VerificationStatus.REPORTED,
      });
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, actor, {
        action: 'finding.create',
        subjectType: 'finding',
        subjectId: id,
        after,
      });
      return FindingModel.from(after);
    });
  }

  /** Changes the fields given (null clears one), if `expectedVersion` is still current. */
  update(actor: Actor, input: UpdateFindingInput): Promise<FindingModel> {
    const given = EDITABLE.filter((field) => input[field] !== undefined);
    if (!given.length) {
      throw AppError.badInput('Nothing to change: give at least one field', [
        { field: 'input', messages: [`give at least one of ${EDITABLE.join(', ')}`] },
      ]);
    }
    return this.ds.transaction(async (em) => {
      await checkReferences(em, input);
      const changes = Object.fromEntries(
        given.map((field) => [field, input[field]]),
      ) as Partial<ComponentFindingEntity>;
      const { before, after } = await updateVersioned(
        em,
        ComponentFindingEntity,
        'Finding',
        input.id,
        input.expectedVersion,
        changes,
      );
      await this.audit.record(em, actor, {
        action: 'finding.update',
        subjectType: 'finding',
        subjectId: input.id,
        before,
        after,
      });
      return FindingModel.from(after);
    });
  }
}
