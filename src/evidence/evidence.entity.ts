import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';
import {
  EvidenceKind,
  EvidenceSourceType,
  EvidenceStatus,
  SourceReliability,
} from './evidence.enums.js';

/**
 * A source document, graded on the Admiralty scale and moved through review (DRAFT → REVIEWED →
 * PUBLISHED, RETRACTED from any). Its files are in `evidence_file`, stored once by SHA-256.
 */
@Entity('evidence')
@Check('chk_evidence_information_credibility', `information_credibility BETWEEN 1 AND 6`)
@Index('idx_evidence_status_created_at_id', ['status', 'createdAt', 'id'])
@Index('idx_evidence_collected_by_id', ['collectedById'])
export class EvidenceEntity extends EditableEntity {
  @Column({
    type: 'enum',
    enum: EvidenceKind,
    enumName: 'evidence_kind',
    default: EvidenceKind.OTHER,
  })
  kind!: EvidenceKind;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) sourceOrganization!: string | null;
  @Column({
    type: 'enum',
    enum: EvidenceSourceType,
    enumName: 'evidence_source_type',
    default: EvidenceSourceType.OTHER,
  })
  sourceType!: EvidenceSourceType;
  @Column({ type: 'text', nullable: true }) sourceUrl!: string | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) retrievedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) archivedUrl!: string | null;
  @Column({ type: 'uuid', nullable: true }) collectedById!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collected_by_id' })
  collectedBy?: Relation<AppUserEntity>;
  @Column({ type: 'text', nullable: true }) method!: string | null;
  @Column({
    type: 'enum',
    enum: SourceReliability,
    enumName: 'source_reliability',
    nullable: true,
  })
  sourceReliability!: SourceReliability | null;
  @Column({ type: 'smallint', nullable: true }) informationCredibility!: number | null;
  @Column({
    type: 'enum',
    enum: EvidenceStatus,
    enumName: 'evidence_status',
    default: EvidenceStatus.DRAFT,
  })
  status!: EvidenceStatus;
  /** Why the status last changed (review remarks, reason for retraction). */
  @Column({ type: 'text', nullable: true }) statusNote!: string | null;
  /** Four eyes: who reviewed and who published; neither may be the author (collectedBy). */
  @Column({ type: 'uuid', nullable: true }) reviewedById!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by_id' })
  reviewedBy?: Relation<AppUserEntity>;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) reviewedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) publishedById!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_id' })
  publishedBy?: Relation<AppUserEntity>;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) publishedAt!: Date | null;
}
