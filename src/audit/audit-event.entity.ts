import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../common/entity/base.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';

/** One change, recorded in the transaction that made it. Append-only. */
@Entity('audit_event')
@Index('idx_audit_event_at_id', ['at', 'id'])
@Index('idx_audit_event_actor_id_at', ['actorId', 'at'])
@Index('idx_audit_event_subject_type_subject_id', ['subjectType', 'subjectId'])
export class AuditEventEntity extends BaseEntity {
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) at!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<AppUserEntity>;
  /** What was done, as `<subject>.<verb>`: `apiKey.create`, `organization.merge`. */
  @Column({ type: 'varchar', length: 100 }) action!: string;
  @Column({ type: 'varchar', length: 50, nullable: true }) subjectType!: string | null;
  @Column({ type: 'uuid', nullable: true }) subjectId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) before!: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after!: Record<string, unknown> | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) requestId!: string | null;
}
