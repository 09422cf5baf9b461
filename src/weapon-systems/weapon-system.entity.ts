import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { CountryEntity } from '../reference/country.entity.js';
import { WeaponType } from './weapon-system.enums.js';

/** A drone or munition model: Shahed-136, known in Russian service as Geran-2. */
@Entity('weapon_system')
@Unique('uq_weapon_system_name', ['name'])
@Check(
  'chk_weapon_system_countries',
  `design_country ~ '^[A-Z]{2}$' AND production_country ~ '^[A-Z]{2}$'`,
)
export class WeaponSystemEntity extends EditableEntity {
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) designations!: string[];
  @Column({ type: 'enum', enum: WeaponType, enumName: 'weapon_type', default: WeaponType.OTHER })
  type!: WeaponType;
  @Column({ type: 'char', length: 2, nullable: true }) designCountry!: string | null;
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'design_country' })
  designCountryRef?: Relation<CountryEntity>;
  @Column({ type: 'char', length: 2, nullable: true }) productionCountry!: string | null;
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'production_country' })
  productionCountryRef?: Relation<CountryEntity>;
  @Column({ type: 'text', nullable: true }) description!: string | null;
}
