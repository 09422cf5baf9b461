import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ChplTier } from './reference.enums.js';

/** A 6-digit HS code: the CHPL codes with their tier, and every other code met in data. */
@Entity('hs_code')
@Check('chk_hs_code_code', `code ~ '^(0[1-9]|[1-8][0-9]|9[0-7])[0-9]{4}$'`)
@Index('idx_hs_code_chpl_tier', ['chplTier'])
export class HsCodeEntity {
  @PrimaryColumn({ type: 'char', length: 6 }) code!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'enum', enum: ChplTier, enumName: 'chpl_tier', nullable: true })
  chplTier!: ChplTier | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}
