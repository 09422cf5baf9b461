import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../common/entity/base.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';
import { EvidenceEntity } from './evidence.entity.js';

/**
 * A file of an evidence record. The bytes are stored once under DATA_DIR by their SHA-256 (the
 * evidentiary copy, read-only); the same content attached to two records is one stored file.
 */
@Entity('evidence_file')
@Unique('uq_evidence_file_evidence_id_sha256', ['evidenceId', 'sha256'])
@Check('chk_evidence_file_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('chk_evidence_file_size_bytes', `size_bytes >= 0`)
@Index('idx_evidence_file_sha256', ['sha256'])
export class EvidenceFileEntity extends BaseEntity {
  @Column({ type: 'uuid' }) evidenceId!: string;
  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Relation<EvidenceEntity>;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'bigint' }) sizeBytes!: string;
  @Column({ type: 'text' }) mediaType!: string;
  @Column({ type: 'text', nullable: true }) originalName!: string | null;
  @Column({ type: 'uuid', nullable: true }) uploadedById!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: Relation<AppUserEntity>;
}
