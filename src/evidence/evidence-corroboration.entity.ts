import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../common/entity/base.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';
import { EvidenceEntity } from './evidence.entity.js';

/**
 * Two evidence records that corroborate each other, stored once per pair (the smaller id first).
 * `sharedOrigin` says whether they come from the same origin (the same wreckage, the same leak), in
 * which case they are not independent confirmations.
 */
@Entity('evidence_corroboration')
@Unique('uq_evidence_corroboration_evidence_id_other_evidence_id', [
  'evidenceId',
  'otherEvidenceId',
])
@Check('chk_evidence_corroboration_order', `evidence_id < other_evidence_id`)
@Index('idx_evidence_corroboration_other_evidence_id', ['otherEvidenceId'])
export class EvidenceCorroborationEntity extends BaseEntity {
  @Column({ type: 'uuid' }) evidenceId!: string;
  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Relation<EvidenceEntity>;
  @Column({ type: 'uuid' }) otherEvidenceId!: string;
  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'other_evidence_id' })
  otherEvidence?: Relation<EvidenceEntity>;
  @Column({ type: 'boolean', default: false }) sharedOrigin!: boolean;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<AppUserEntity>;
}
