import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../common/entity/base.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';
import { CustodyAction } from './evidence.enums.js';
import { EvidenceEntity } from './evidence.entity.js';

/** One step in an evidence record's chain of custody. Append-only. */
@Entity('custody_event')
@Check('chk_custody_event_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
@Index('idx_custody_event_evidence_id_at', ['evidenceId', 'at'])
export class CustodyEventEntity extends BaseEntity {
  @Column({ type: 'uuid' }) evidenceId!: string;
  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Relation<EvidenceEntity>;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) at!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<AppUserEntity>;
  @Column({ type: 'enum', enum: CustodyAction, enumName: 'custody_action' })
  action!: CustodyAction;
  /** The hash seen at this step, when a file was involved. */
  @Column({ type: 'char', length: 64, nullable: true }) sha256!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
