import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../common/entity/base.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';
import { EvidenceSubjectType } from './evidence.enums.js';
import { EvidenceEntity } from './evidence.entity.js';

/** Evidence supports a claim about a subject (an organization, a component, a finding, ...). */
@Entity('evidence_link')
@Index('idx_evidence_link_evidence_id', ['evidenceId'])
@Index('idx_evidence_link_subject_type_subject_id', ['subjectType', 'subjectId'])
export class EvidenceLinkEntity extends BaseEntity {
  @Column({ type: 'uuid' }) evidenceId!: string;
  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Relation<EvidenceEntity>;
  @Column({ type: 'enum', enum: EvidenceSubjectType, enumName: 'evidence_subject_type' })
  subjectType!: EvidenceSubjectType;
  @Column({ type: 'uuid' }) subjectId!: string;
  @Column({ type: 'text', nullable: true }) claim!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<AppUserEntity>;
}
