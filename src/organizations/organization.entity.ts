import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { CountryEntity } from '../reference/country.entity.js';
import { OrganizationRole } from './organization.enums.js';

/** Any legal entity: manufacturer, distributor, trader, forwarder, importer, end user, weapons producer. */
@Entity('organization')
@Check('chk_organization_country', `country ~ '^[A-Z]{2}$'`)
@Index('idx_organization_normalized_name_country', ['normalizedName', 'country'])
@Index('idx_organization_country', ['country'])
@Index('idx_organization_name_id', ['name', 'id'])
@Index('idx_organization_created_at_id', ['createdAt', 'id'])
@Index('idx_organization_parent_id', ['parentId'])
@Index('idx_organization_successor_id', ['successorId'])
// Trigram and array indexes (GIN) are created by the migration; TypeORM cannot describe them.
@Index('idx_organization_normalized_name_trgm', { synchronize: false })
@Index('idx_organization_roles', { synchronize: false })
@Index('idx_organization_registration_ids', { synchronize: false })
// GIN trigram index on organization_search_text(name, aliases): `organizations(filter: { search })`.
@Index('idx_organization_search_trgm', { synchronize: false })
export class OrganizationEntity extends EditableEntity {
  @Column({ type: 'text' }) name!: string;
  /** Lower case, unaccented, punctuation and legal forms removed: what screening and matching compare. */
  @Column({ type: 'text' }) normalizedName!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) aliases!: string[];
  @Column({ type: 'char', length: 2, nullable: true }) country!: string | null;
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country' })
  countryRef?: Relation<CountryEntity>;
  /** Registration numbers by register: `{ "ru_inn": "7701234567", "hk_cr": "1234567" }`. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) registrationIds!: Record<string, string>;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text', nullable: true }) website!: string | null;
  @Column({ type: 'date', nullable: true }) incorporatedOn!: string | null;
  @Column({
    type: 'enum',
    enum: OrganizationRole,
    enumName: 'organization_role',
    array: true,
    default: () => "'{}'",
  })
  roles!: OrganizationRole[];
  /** Corporate parent (Maxim Integrated → Analog Devices). */
  @Column({ type: 'uuid', nullable: true }) parentId!: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<OrganizationEntity>;
  /** The company that took over this one (National Semiconductor → Texas Instruments). */
  @Column({ type: 'uuid', nullable: true }) successorId!: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'successor_id' })
  successor?: Relation<OrganizationEntity>;
  /** True for the generated demo and benchmark records, which are not facts. */
  @Column({ type: 'boolean', default: false }) synthetic!: boolean;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) archivedAt!: Date | null;
}
