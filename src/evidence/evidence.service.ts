import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { AppError, ErrorCode } from '../common/errors.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { key, listOrder } from '../common/graphql/list-order.js';
import { updateVersioned } from '../common/optimistic-lock.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { assertReferences } from '../common/references.js';
import { CustodyService } from './custody.service.js';
import type {
  AddEvidenceInput,
  CorroborateEvidenceInput,
  LinkEvidenceInput,
  RecordCustodyEventInput,
  SetEvidenceStatusInput,
  UpdateEvidenceInput,
} from './dto/evidence.inputs.js';
import type { EvidenceRecordsArgs } from './dto/evidence.args.js';
import { EvidenceCorroborationEntity } from './evidence-corroboration.entity.js';
import { EvidenceLinkEntity } from './evidence-link.entity.js';
import { assertStatusMove } from './evidence-status.js';
import { canSee, visibleStatuses } from './evidence-visibility.js';
import { EvidenceEntity } from './evidence.entity.js';
import {
  CustodyAction,
  EvidenceStatus,
  EvidenceSubjectType,
  SourceReliability,
} from './evidence.enums.js';
import {
  CorroborationModel,
  CustodyEventModel,
  EvidenceLinkModel,
  EvidenceModel,
} from './evidence.model.js';

/** The table each kind of subject lives in, to check that a linked subject exists. */
export const SUBJECT_TABLES: Record<EvidenceSubjectType, string> = {
  [EvidenceSubjectType.ORGANIZATION]: 'organization',
  [EvidenceSubjectType.COMPONENT]: 'component',
  [EvidenceSubjectType.FINDING]: 'component_finding',
  [EvidenceSubjectType.STRIKE]: 'strike_report',
  [EvidenceSubjectType.SHIPMENT]: 'shipment',
  [EvidenceSubjectType.ROUTE]: 'route',
  [EvidenceSubjectType.SANCTION]: 'sanction',
};

const RELIABILITY = Object.values(SourceReliability);

/** Newest record first. */
const EVIDENCE_NEWEST = listOrder<EvidenceEntity>('evidence.newest', 'DESC', [
  key.instant('created_at', (e) => e.createdAt),
  key.id(),
]);

@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly custody: CustodyService,
  ) {}

  /** Newest first, only what the viewer may see. */
  list(viewer: AuthUser, args: EvidenceRecordsArgs): Promise<Page<EvidenceModel>> {
    const qb = this.ds.getRepository(EvidenceEntity).createQueryBuilder('e');
    const statuses = visibleStatuses(viewer.role);
    if (statuses) qb.andWhere('e.status IN (:...statuses)', { statuses });
    const f = args.filter ?? {};
    if (f.kind) qb.andWhere('e.kind = :kind', { kind: f.kind });
    if (f.status) qb.andWhere('e.status = :status', { status: f.status });
    if (f.sourceType) qb.andWhere('e.source_type = :sourceType', { sourceType: f.sourceType });
    if (f.grade) {
      qb.andWhere('e.source_reliability = :r AND e.information_credibility = :c', {
        r: f.grade[0],
        c: Number(f.grade[1]),
      });
    }
    if (f.minReliability) {
      const good = RELIABILITY.slice(0, RELIABILITY.indexOf(f.minReliability) + 1);
      qb.andWhere('e.source_reliability IN (:...good)', { good });
    }
    if (f.maxCredibility) qb.andWhere('e.information_credibility <= :mc', { mc: f.maxCredibility });
    if (f.subjectId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM evidence_link l WHERE l.evidence_id = e.id AND l.subject_id = :sid
           ${f.subjectType ? 'AND l.subject_type = :stype' : ''})`,
        { sid: f.subjectId, stype: f.subjectType },
      );
    }
    if (f.from) qb.andWhere('e.created_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('e.created_at < :to', { to: f.to });
    return paginate(qb, args, {
      order: EVIDENCE_NEWEST,
      toNode: EvidenceModel.from,
    });
  }

  /** A record by id; null when unknown or not visible to the viewer. */
  async byId(viewer: AuthUser, id: string): Promise<EvidenceModel | null> {
    const row = await this.ds.getRepository(EvidenceEntity).findOneBy({ id });
    return row && canSee(viewer.role, row.status) ? EvidenceModel.from(row) : null;
  }

  /** A new DRAFT record by the actor, with COLLECTED as the first step of its chain of custody. */
  add(actor: Actor, input: AddEvidenceInput): Promise<EvidenceModel> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(EvidenceEntity);
      const { identifiers } = await repo.insert({
        ...input,
        collectedById: actor.userId,
        status: EvidenceStatus.DRAFT,
      });
      const after = await repo.findOneByOrFail({ id: identifiers[0].id as string });
      await this.custody.record(em, actor, after.id, CustodyAction.COLLECTED, {
        note: input.method ?? null,
      });
      await this.audit.record(em, actor, {
        action: 'evidence.create',
        subjectType: 'evidence',
        subjectId: after.id,
        after,
      });
      return EvidenceModel.from(after);
    });
  }

  /**
   * Edits a DRAFT or REVIEWED record (an edit sends a reviewed record back to DRAFT: the review was of
   * something else). Published and retracted records are final: retract and add a new one.
   */
  update(actor: Actor, input: UpdateEvidenceInput): Promise<EvidenceModel> {
    return this.ds.transaction(async (em) => {
      const current = await this.lock(em, input.id);
      if (
        current.status === EvidenceStatus.PUBLISHED ||
        current.status === EvidenceStatus.RETRACTED
      ) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `Evidence ${input.id} is ${current.status}: it can no longer be edited`,
        );
      }
      const { id, expectedVersion, ...fields } = input;
      const changes = Object.fromEntries(
        Object.entries(fields).filter(([, v]) => v !== undefined),
      ) as Partial<EvidenceEntity>;
      if (current.status === EvidenceStatus.REVIEWED) {
        Object.assign(changes, {
          status: EvidenceStatus.DRAFT,
          reviewedById: null,
          reviewedAt: null,
        });
      }
      const { before, after } = await updateVersioned(
        em,
        EvidenceEntity,
        'Evidence',
        id,
        expectedVersion,
        changes,
      );
      await this.audit.record(em, actor, {
        action: 'evidence.update',
        subjectType: 'evidence',
        subjectId: id,
        before,
        after,
      });
      return EvidenceModel.from(after);
    });
  }

  /** Moves a record through review; see evidence-status.ts for the rules. */
  setStatus(actor: Actor, input: SetEvidenceStatusInput): Promise<EvidenceModel> {
    return this.ds.transaction(async (em) => {
      const before = await this.lock(em, input.id);
      assertStatusMove(before.status, input.status, actor.userId, before.collectedById);
      const changes: Partial<EvidenceEntity> = {
        status: input.status,
        statusNote: input.note ?? null,
      };
      if (input.status === EvidenceStatus.REVIEWED)
        Object.assign(changes, { reviewedById: actor.userId, reviewedAt: new Date() });
      if (input.status === EvidenceStatus.PUBLISHED) {
        Object.assign(changes, { publishedById: actor.userId, publishedAt: new Date() });
      }
      const { after } = await updateVersioned(
        em,
        EvidenceEntity,
        'Evidence',
        input.id,
        before.version,
        changes,
      );
      await this.audit.record(em, actor, {
        action: `evidence.${input.status.toLowerCase()}`,
        subjectType: 'evidence',
        subjectId: input.id,
        before,
        after,
      });
      return EvidenceModel.from(after);
    });
  }

  link(actor: Actor, input: LinkEvidenceInput): Promise<EvidenceLinkModel> {
    return this.ds.transaction(async (em) => {
      await this.lock(em, input.evidenceId);
      await assertReferences(
        em,
        SUBJECT_TABLES[input.subjectType],
        { subjectId: input.subjectId },
        { what: input.subjectType.toLowerCase() },
      );
      const repo = em.getRepository(EvidenceLinkEntity);
      const { identifiers } = await repo.insert({
        ...input,
        claim: input.claim ?? null,
        createdById: actor.userId,
      });
      const after = await repo.findOneByOrFail({ id: identifiers[0].id as string });
      await this.audit.record(em, actor, {
        action: 'evidence.link',
        subjectType: 'evidence',
        subjectId: input.evidenceId,
        after,
      });
      return EvidenceLinkModel.from(after);
    });
  }

  /** Records that two records corroborate each other (once per pair, in either order). */
  async corroborate(actor: Actor, input: CorroborateEvidenceInput): Promise<CorroborationModel> {
    if (input.evidenceId === input.otherEvidenceId) {
      throw AppError.badInput('Evidence cannot corroborate itself', [
        { field: 'otherEvidenceId', messages: ['otherEvidenceId must be another evidence record'] },
      ]);
    }
    const [first, second] = [input.evidenceId, input.otherEvidenceId].sort();
    try {
      return await this.ds.transaction(async (em) => {
        await assertReferences(em, 'evidence', {
          evidenceId: input.evidenceId,
          otherEvidenceId: input.otherEvidenceId,
        });
        const row = {
          evidenceId: first,
          otherEvidenceId: second,
          sharedOrigin: input.sharedOrigin,
          note: input.note ?? null,
        };
        await em
          .getRepository(EvidenceCorroborationEntity)
          .insert({ ...row, createdById: actor.userId });
        await this.audit.record(em, actor, {
          action: 'evidence.corroborate',
          subjectType: 'evidence',
          subjectId: input.evidenceId,
          after: row,
        });
        return Object.assign(new CorroborationModel(), {
          ...row,
          otherEvidenceId: input.otherEvidenceId,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(
          ErrorCode.CONFLICT,
          'These two evidence records are already marked as corroborating',
        );
      }
      throw error;
    }
  }

  recordCustody(actor: Actor, input: RecordCustodyEventInput): Promise<CustodyEventModel> {
    return this.ds.transaction(async (em) => {
      await this.lock(em, input.evidenceId);
      const event = await this.custody.record(em, actor, input.evidenceId, input.action, {
        note: input.note ?? null,
      });
      await this.audit.record(em, actor, {
        action: 'evidence.custody',
        subjectType: 'evidence',
        subjectId: input.evidenceId,
        after: event,
      });
      return CustodyEventModel.from(event);
    });
  }

  /** The record, locked for the rest of the transaction; NOT_FOUND when unknown. */
  async lock(em: EntityManager, id: string): Promise<EvidenceEntity> {
    const row = await em
      .getRepository(EvidenceEntity)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id })
      .getOne();
    if (!row) throw AppError.notFound('Evidence', id);
    return row;
  }
}
