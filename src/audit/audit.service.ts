import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth-user.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { key, listOrder } from '../common/graphql/list-order.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuditEventModel } from './audit-event.model.js';
import type { AuditEventsArgs } from './dto/audit-events.args.js';

export interface AuditRecord {
  /** `<subject>.<verb>`: `apiKey.create`, `organization.merge`. */
  action: string;
  subjectType?: string;
  subjectId?: string | null;
  before?: object | null;
  after?: object | null;
}

/** Strips what must never reach the audit log (key hashes) and makes rows plain JSON. */
const snapshot = (row: object | null | undefined): Record<string, unknown> | null => {
  if (!row) return null;
  const rest: Record<string, unknown> = { ...row };
  delete rest.keyHash;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
};

/** Newest change first. */
const AUDIT_NEWEST = listOrder<AuditEventEntity>('auditEvent.newest', 'DESC', [
  key.instant('at', (a) => a.at),
  key.id(),
]);

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Records a change in the caller's transaction: it commits or rolls back with the change. */
  async record(em: EntityManager, actor: Actor, event: AuditRecord): Promise<void> {
    await em.getRepository(AuditEventEntity).insert({
      actorId: actor.userId,
      requestId: actor.requestId,
      action: event.action,
      subjectType: event.subjectType ?? null,
      subjectId: event.subjectId ?? null,
      before: snapshot(event.before),
      after: snapshot(event.after),
    } as never);
  }

  /** Newest first. */
  list(args: AuditEventsArgs): Promise<Page<AuditEventModel>> {
    const qb = this.ds.getRepository(AuditEventEntity).createQueryBuilder('a');
    const f = args.filter ?? {};
    if (f.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: f.actorId });
    if (f.actorEmail) {
      qb.andWhere('a.actor_id IN (SELECT id FROM app_user WHERE email = :email)', {
        email: f.actorEmail,
      });
    }
    if (f.action) qb.andWhere('a.action = :action', { action: f.action });
    if (f.subjectType) qb.andWhere('a.subject_type = :subjectType', { subjectType: f.subjectType });
    if (f.subjectId) qb.andWhere('a.subject_id = :subjectId', { subjectId: f.subjectId });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at < :to', { to: f.to });
    return paginate(qb, args, {
      order: AUDIT_NEWEST,
      toNode: AuditEventModel.from,
    });
  }
}
