import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { HsCodeEntity } from '../reference/hs-code.entity.js';
import { ComponentCategory } from './component.enums.js';

/** A part type: one manufacturer's part number (the marking seen on a board is kept on the finding). */
@Entity('component')
@Unique('uq_component_manufacturer_id_normalized_part_number', [
  'manufacturerId',
  'normalizedPartNumber',
])
@Index('idx_component_normalized_part_number_id', ['normalizedPartNumber', 'id'])
@Index('idx_component_hs_code', ['hsCode'])
@Index('idx_component_category', ['category'])
@Index('idx_component_normalized_part_number_trgm', { synchronize: false })
export class ComponentEntity extends EditableEntity {
  @Column({ type: 'uuid' }) manufacturerId!: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'manufacturer_id' })
  manufacturer?: Relation<OrganizationEntity>;
  /** Canonical part number as the maker writes it (`TMS320F28335PGFA`). */
  @Column({ type: 'varchar', length: 100 }) partNumber!: string;
  /** Upper case, no spaces, dashes or dots: what matching and search compare. */
  @Column({ type: 'varchar', length: 100 }) normalizedPartNumber!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({
    type: 'enum',
    enum: ComponentCategory,
    enumName: 'component_category',
    default: ComponentCategory.OTHER,
  })
  category!: ComponentCategory;
  @Column({ type: 'char', length: 6, nullable: true }) hsCode!: string | null;
  @ManyToOne(() => HsCodeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hs_code' })
  hsCodeRef?: Relation<HsCodeEntity>;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) archivedAt!: Date | null;
}
