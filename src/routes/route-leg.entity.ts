import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../common/entity/base.entity.js';
import { ShipmentEntity } from '../shipments/shipment.entity.js';
import { RouteEntity } from './route.entity.js';

/** A shipment along a route; `position` is the hop it makes (0 = leaves the origin party). */
@Entity('route_leg')
@Unique('uq_route_leg_route_id_shipment_id', ['routeId', 'shipmentId'])
@Check('chk_route_leg_position', `position >= 0`)
@Index('idx_route_leg_shipment_id', ['shipmentId'])
export class RouteLegEntity extends BaseEntity {
  @Column({ type: 'uuid' }) routeId!: string;
  @ManyToOne(() => RouteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'route_id' })
  route?: Relation<RouteEntity>;
  @Column({ type: 'uuid' }) shipmentId!: string;
  @ManyToOne(() => ShipmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shipment_id' })
  shipment?: Relation<ShipmentEntity>;
  @Column({ type: 'smallint' }) position!: number;
}
