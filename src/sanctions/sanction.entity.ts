import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { SanctionAuthority } from './sanction.enums.js';

/** A listing of an organization by one authority. */
@Entity('sanction')
@Check('chk_sanction_period', `delisted_on IS NULL OR delisted_on >= listed_on`)
@Index('idx_sanction_organization_id_listed_on_id', ['organizationId', 'listedOn', 'id'])
@Index('idx_sanction_listed_on_id', ['listedOn', 'id'])
@Index('idx_sanction_authority_listed_on', ['authority', 'listedOn'])
// The natural key, unique on (organization_id, authority, program, listed_on) NULLS NOT DISTINCT (a
// listing without a programme is one listing), which TypeORM cannot declare: made by migration.
@Index('uq_sanction_organization_id_authority_program_listed_on', { synchronize: false })
export class SanctionEntity extends EditableEntity {
  @Column({ type: 'uuid' }) organizationId!: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;
  @Column({ type: 'enum', enum: SanctionAuthority, enumName: 'sanction_authority' })
  authority!: SanctionAuthority;
  @Column({ type: 'text', nullable: true }) program!: string | null;
  @Column({ type: 'date' }) listedOn!: string;
  @Column({ type: 'date', nullable: true }) delistedOn!: string | null;
  @Column({ type: 'text', nullable: true }) referenceUrl!: string | null;
}
