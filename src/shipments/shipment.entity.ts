import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { ComponentEntity } from '../components/component.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ImportRunEntity } from '../imports/import-run.entity.js';
import { CountryEntity } from '../reference/country.entity.js';
import { HsCodeEntity } from '../reference/hs-code.entity.js';

/** One trade record (a customs line). Source + source record id make re-imports idempotent. */
@Entity('shipment')
@Unique('uq_shipment_source_source_record_id', ['source', 'sourceRecordId'])
@Check('chk_shipment_quantity', `quantity >= 0`)
@Check('chk_shipment_value_usd', `value_usd >= 0`)
@Check(
  'chk_shipment_countries',
  `origin_country ~ '^[A-Z]{2}$' AND export_country ~ '^[A-Z]{2}$' AND import_country ~ '^[A-Z]{2}$'`,
)
@Index('idx_shipment_shipped_on_id', ['shippedOn', 'id'])
@Index('idx_shipment_exporter_id_shipped_on', ['exporterId', 'shippedOn'])
@Index('idx_shipment_importer_id_shipped_on', ['importerId', 'shippedOn'])
@Index('idx_shipment_component_id_shipped_on_id', ['componentId', 'shippedOn', 'id'])
@Index('idx_shipment_hs_code_shipped_on', ['hsCode', 'shippedOn'])
@Index('idx_shipment_import_country_shipped_on', ['importCountry', 'shippedOn'])
@Index('idx_shipment_export_country_shipped_on', ['exportCountry', 'shippedOn'])
@Index('idx_shipment_import_run_id', ['importRunId'])
// The shipments of one flow between two parties (route detection reads its legs by it).
@Index('idx_shipment_exporter_id_importer_id', ['exporterId', 'importerId'])
export class ShipmentEntity extends EditableEntity {
  @Column({ type: 'date' }) shippedOn!: string;
  @Column({ type: 'uuid', nullable: true }) exporterId!: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'exporter_id' })
  exporter?: Relation<OrganizationEntity>;
  @Column({ type: 'uuid', nullable: true }) importerId!: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'importer_id' })
  importer?: Relation<OrganizationEntity>;
  /** Where the goods were made: not the maker's home country, nor where they were shipped from. */
  @Column({ type: 'char', length: 2, nullable: true }) originCountry!: string | null;
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'origin_country' })
  originCountryRef?: Relation<CountryEntity>;
  @Column({ type: 'char', length: 2, nullable: true }) exportCountry!: string | null;
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'export_country' })
  exportCountryRef?: Relation<CountryEntity>;
  @Column({ type: 'char', length: 2, nullable: true }) importCountry!: string | null;
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_country' })
  importCountryRef?: Relation<CountryEntity>;
  @Column({ type: 'char', length: 6, nullable: true }) hsCode!: string | null;
  @ManyToOne(() => HsCodeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hs_code' })
  hsCodeRef?: Relation<HsCodeEntity>;
  @Column({ type: 'uuid', nullable: true }) componentId!: string | null;
  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component?: Relation<ComponentEntity>;
  @Column({ type: 'text', nullable: true }) partNumberRaw!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'numeric', precision: 18, scale: 3, nullable: true }) quantity!: string | null;
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true }) valueUsd!: string | null;
  /** The dataset the record came from (`synthetic-demo`, a customs extract's name, ...). */
  @Column({ type: 'varchar', length: 100 }) source!: string;
  @Column({ type: 'varchar', length: 200 }) sourceRecordId!: string;
  @Column({ type: 'boolean', default: false }) synthetic!: boolean;
  /** The import run that last inserted or changed this shipment (null: never written by an import). */
  @Column({ type: 'uuid', nullable: true }) importRunId!: string | null;
  @ManyToOne(() => ImportRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_run_id' })
  importRun?: Relation<ImportRunEntity>;
}
