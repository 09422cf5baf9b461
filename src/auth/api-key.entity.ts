import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../common/entity/base.entity.js';
import { AppUserEntity } from './app-user.entity.js';
import { Role } from './role.enum.js';

/** An API key: only a lookup prefix and the SHA-256 of the secret are stored. */
@Entity('api_key')
@Unique('uq_api_key_prefix', ['prefix'])
@Check('chk_api_key_key_hash', `key_hash ~ '^[0-9a-f]{64}$'`)
@Index('idx_api_key_user_id', ['userId'])
export class ApiKeyEntity extends BaseEntity {
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<AppUserEntity>;
  @Column({ type: 'varchar', length: 16 }) prefix!: string;
  @Column({ type: 'char', length: 64 }) keyHash!: string;
  @Column({ type: 'enum', enum: Role, enumName: 'app_role' }) role!: Role;
  @Column({ type: 'text', nullable: true }) label!: string | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) lastUsedAt!: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) revokedAt!: Date | null;
}
