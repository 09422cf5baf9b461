import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CountryRiskGroup } from './reference.enums.js';

/** ISO 3166-1 alpha-2 country with its sanctions risk group. Keyed by its code. */
@Entity('country')
@Check('chk_country_code', `code ~ '^[A-Z]{2}$'`)
@Index('idx_country_risk_group', ['riskGroup'])
export class CountryEntity {
  @PrimaryColumn({ type: 'char', length: 2 }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({
    type: 'enum',
    enum: CountryRiskGroup,
    enumName: 'country_risk_group',
    default: CountryRiskGroup.OTHER,
  })
  riskGroup!: CountryRiskGroup;
  @Column({ type: 'text', nullable: true }) riskBasis!: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}
