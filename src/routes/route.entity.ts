import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { ComponentEntity } from '../components/component.entity.js';
import { CountryEntity } from '../reference/country.entity.js';
import { HsCodeEntity } from '../reference/hs-code.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';
import { type RedFlag, RouteSource, RouteStatus } from './route.enums.js';

/**
 * A re-export route: a path of parties (maker or origin, 1–3 intermediaries, destination party) for one
 * kind of goods. Its identity is a hash of the path and the goods, so detection can run again, add legs
 * and keep the reviews.
 */
@Entity('route')
@Unique('uq_route_identity_hash', ['identityHash'])
@Check('chk_route_score', `score BETWEEN 0 AND 100`)
@Check('chk_route_value_usd', `value_usd >= 0`)
@Index('idx_route_score_id', ['score', 'id'])
@Index('idx_route_value_usd_id', ['valueUsd', 'id'])
@Index('idx_route_last_shipped_on_id', ['lastShippedOn', 'id'])
@Index('idx_route_status', ['status'])
@Index('idx_route_component_id', ['componentId'])
@Index('idx_route_hs_code', ['hsCode'])
@Index('idx_route_party_path', { synchronize: false })
export class RouteEntity extends EditableEntity {
  @Column({ type: 'char', length: 64 }) identityHash!: string;
  /**
   * Organization ids from origin to destination: the origin party first when there is one (see
   * `hasOriginParty`), then the intermediaries, then the destination party.
   */
  @Column({ type: 'uuid', array: true }) partyPath!: string[];
  /**
   * True when the path starts with the party the goods came from (their maker, or a supplier in a
   * coalition country); false when it starts at the first intermediary and only the goods' country
   * of origin is known.
   */
  @Column({ type: 'boolean', default: false }) hasOriginParty!: boolean;
  /** The coalition country the goods came from: the origin party's, or the goods' origin. */
  @Column({ type: 'char', length: 2, nullable: true }) originCountry!: string | null;
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'origin_country' })
  originCountryRef?: Relation<CountryEntity>;
  @Column({ type: 'uuid', nullable: true }) componentId!: string | null;
  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component?: Relation<ComponentEntity>;
  @Column({ type: 'char', length: 6, nullable: true }) hsCode!: string | null;
  @ManyToOne(() => HsCodeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hs_code' })
  hsCodeRef?: Relation<HsCodeEntity>;
  @Column({ type: 'date', nullable: true }) firstShippedOn!: string | null;
  @Column({ type: 'date', nullable: true }) lastShippedOn!: string | null;
  @Column({ type: 'numeric', precision: 18, scale: 2, default: 0 }) valueUsd!: string;
  @Column({ type: 'smallint', default: 0 }) score!: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) redFlags!: RedFlag[];
  @Column({ type: 'enum', enum: RouteSource, enumName: 'route_source' }) source!: RouteSource;
  @Column({ type: 'enum', enum: RouteStatus, enumName: 'route_status', default: RouteStatus.OPEN })
  status!: RouteStatus;
  @Column({ type: 'uuid', nullable: true }) reviewerId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: Relation<AppUserEntity>;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) reviewedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) reviewNote!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** The last detection run that found the route in the trade data; null for one never found. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) detectedAt!: Date | null;
}
