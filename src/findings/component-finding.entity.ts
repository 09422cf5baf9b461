import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { ComponentEntity } from '../components/component.entity.js';
import { StrikeReportEntity } from '../strikes/strike-report.entity.js';
import { WeaponSystemEntity } from '../weapon-systems/weapon-system.entity.js';
import { VerificationStatus } from './finding.enums.js';

/** One part recovered from one airframe, with the marking as it was read. */
@Entity('component_finding')
@Unique('uq_component_finding_source_source_record_id', ['source', 'sourceRecordId'])
@Check('chk_component_finding_source_record', `(source IS NULL) = (source_record_id IS NULL)`)
@Index('idx_component_finding_component_id_created_at_id', ['componentId', 'createdAt', 'id'])
@Index('idx_component_finding_weapon_system_id', ['weaponSystemId'])
@Index('idx_component_finding_strike_report_id_created_at_id', [
  'strikeReportId',
  'createdAt',
  'id',
])
@Index('idx_component_finding_recovered_on_id', ['recoveredOn', 'id'])
@Index('idx_component_finding_created_at_id', ['createdAt', 'id'])
export class ComponentFindingEntity extends EditableEntity {
  @Column({ type: 'uuid' }) componentId!: string;
  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component?: Relation<ComponentEntity>;
  @Column({ type: 'uuid', nullable: true }) weaponSystemId!: string | null;
  @ManyToOne(() => WeaponSystemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'weapon_system_id' })
  weaponSystem?: Relation<WeaponSystemEntity>;
  @Column({ type: 'uuid', nullable: true }) strikeReportId!: string | null;
  @ManyToOne(() => StrikeReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'strike_report_id' })
  strikeReport?: Relation<StrikeReportEntity>;
  /** The airframe or sample the part came from (`geran2-1276`). */
  @Column({ type: 'text', nullable: true }) sampleRef!: string | null;
  /** The marking exactly as read off the part (`TMS320 F28335PGFA G4A-17C76FW`). */
  @Column({ type: 'text', nullable: true }) marking!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) dateCode!: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true }) lotCode!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) serial!: string | null;
  @Column({ type: 'date', nullable: true }) recoveredOn!: string | null;
  @Column({
    type: 'enum',
    enum: VerificationStatus,
    enumName: 'verification_status',
    default: VerificationStatus.REPORTED,
  })
  verificationStatus!: VerificationStatus;
  /** The dataset an imported finding came from, and its id there (null when entered by hand). */
  @Column({ type: 'varchar', length: 100, nullable: true }) source!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) sourceRecordId!: string | null;
}
