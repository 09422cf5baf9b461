import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { AppUserEntity } from '../users/app-user.entity.js';
import {
  EvidenceKind,
  EvidenceSourceType,
  EvidenceStatus,
  SourceReliability,
} from './evidence.enums.js';

/** A source document or file, graded on the Admiralty scale and moved through review. */
@Entity('evidence')
@Check('chk_evidence_information_credibility', `information_credibility BETWEEN 1 AND 6`)
@Check('chk_evidence_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('chk_evidence_size_bytes', `size_bytes >= 0`)
@Index('idx_evidence_status_created_at_id', ['status', 'createdAt', 'id'])
@Index('idx_evidence_sha256', ['sha256'])
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
  @Column({ type: 'char', length: 64, nullable: true }) sha256!: string | null;
  @Column({ type: 'text', nullable: true }) mediaType!: string | null;
  @Column({ type: 'bigint', nullable: true }) sizeBytes!: string | null;
  /** Path of the evidentiary copy under DATA_DIR, named by its SHA-256. */
  @Column({ type: 'text', nullable: true }) storedPath!: string | null;
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
}
