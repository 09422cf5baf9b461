import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../common/entity/base.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';
import { ImportRunStatus } from './import-run.enums.js';

/**
 * One import of one file: who, when, which file (SHA-256), and what it did. Written RUNNING before
 * the first batch, its counts moved in each batch's transaction (so they are always what has been
 * committed), then ended DONE, or FAILED with the reason.
 */
@Entity('import_run')
@Check('chk_import_run_file_sha256', `file_sha256 ~ '^[0-9a-f]{64}$'`)
@Check(
  'chk_import_run_counts',
  `inserted >= 0 AND updated >= 0 AND unchanged >= 0 AND rejected >= 0`,
)
@Check('chk_import_run_error', `(status = 'FAILED') = (error IS NOT NULL)`)
@Index('idx_import_run_created_at_id', ['createdAt', 'id'])
export class ImportRunEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @Column({ type: 'varchar', length: 100 }) source!: string;
  @Column({ type: 'text', nullable: true }) fileName!: string | null;
  @Column({ type: 'char', length: 64, nullable: true }) fileSha256!: string | null;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<AppUserEntity>;
  @Column({ type: 'boolean', default: false }) dryRun!: boolean;
  @Column({ type: 'boolean', default: false }) strict!: boolean;
  @Column({ type: 'integer', default: 0 }) rows!: number;
  @Column({ type: 'integer', default: 0 }) inserted!: number;
  @Column({ type: 'integer', default: 0 }) updated!: number;
  @Column({ type: 'integer', default: 0 }) unchanged!: number;
  @Column({ type: 'integer', default: 0 }) rejected!: number;
  @Column({ type: 'integer', nullable: true }) durationMs!: number | null;
  @Column({ type: 'enum', enum: ImportRunStatus, enumName: 'import_run_status' })
  status!: ImportRunStatus;
  /** Why a FAILED run failed. */
  @Column({ type: 'text', nullable: true }) error!: string | null;
}
