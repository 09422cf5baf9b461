import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { CountryEntity } from '../reference/country.entity.js';
import { WeaponSystemEntity } from '../weapon-systems/weapon-system.entity.js';

/** An attack as reported: when, where, with what, and its toll. */
@Entity('strike_report')
@Unique('uq_strike_report_source_source_record_id', ['source', 'sourceRecordId'])
@Check('chk_strike_report_source_record', `(source IS NULL) = (source_record_id IS NULL)`)
@Check('chk_strike_report_latitude', `latitude BETWEEN -90 AND 90`)
@Check('chk_strike_report_longitude', `longitude BETWEEN -180 AND 180`)
@Check('chk_strike_report_counts', `munitions_count >= 0 AND killed >= 0 AND injured >= 0`)
@Check('chk_strike_report_country', `country ~ '^[A-Z]{2}$'`)
@Index('idx_strike_report_occurred_at_id', ['occurredAt', 'id'])
@Index('idx_strike_report_weapon_system_id', ['weaponSystemId'])
@Index('idx_strike_report_admin_area', ['adminArea'])
export class StrikeReportEntity extends EditableEntity {
  @Column({ type: 'timestamptz', precision: 3 }) occurredAt!: Date;
  @Column({ type: 'text', nullable: true }) place!: string | null;
  @Column({ type: 'text', nullable: true }) adminArea!: string | null;
  @Column({ type: 'char', length: 2, nullable: true }) country!: string | null;
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country' })
  countryRef?: Relation<CountryEntity>;
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true }) latitude!: string | null;
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true }) longitude!: string | null;
  @Column({ type: 'uuid', nullable: true }) weaponSystemId!: string | null;
  @ManyToOne(() => WeaponSystemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'weapon_system_id' })
  weaponSystem?: Relation<WeaponSystemEntity>;
  @Column({ type: 'integer', nullable: true }) munitionsCount!: number | null;
  @Column({ type: 'integer', nullable: true }) killed!: number | null;
  @Column({ type: 'integer', nullable: true }) injured!: number | null;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ type: 'boolean', default: false }) synthetic!: boolean;
  /** The dataset an imported report came from, and its id there (null when entered by hand). */
  @Column({ type: 'varchar', length: 100, nullable: true }) source!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) sourceRecordId!: string | null;
}
