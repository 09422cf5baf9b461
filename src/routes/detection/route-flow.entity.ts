import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The trade that can carry a re-export route, per exporter, importer and goods (the component, else
 * the HS code): shipments of goods made by a coalition maker or of coalition origin, sent to a party
 * outside the coalition. Derived from `shipment` by route detection: rebuilt by a full run, and for
 * the keys in `route_flow_change` by an incremental one.
 */
@Entity('route_flow')
@Index('idx_route_flow_importer_id_goods', ['importerId', 'goods'])
@Index('idx_route_flow_importer_risk', ['importerRisk'])
export class RouteFlowEntity {
  @PrimaryColumn({ type: 'uuid' }) exporterId!: string;
  @PrimaryColumn({ type: 'uuid' }) importerId!: string;
  /** `c:<component id>` or `h:<HS code>`. */
  @PrimaryColumn({ type: 'text' }) goods!: string;
  @Column({ type: 'date' }) firstOn!: string;
  @Column({ type: 'date' }) lastOn!: string;
  @Column({ type: 'integer' }) shipments!: number;
  /** The parties' risk groups (`country.risk_group`) when the flow was computed. */
  @Column({ type: 'text' }) exporterRisk!: string;
  @Column({ type: 'text' }) importerRisk!: string;
}

/**
 * Keys of `route_flow` that shipments written since the last detection run may have changed: filled
 * by statement triggers on `shipment` (old and new keys of every row inserted, updated or deleted),
 * emptied by the next run.
 */
@Entity('route_flow_change')
export class RouteFlowChangeEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' }) id!: string;
  @Column({ type: 'uuid' }) exporterId!: string;
  @Column({ type: 'uuid' }) importerId!: string;
  @Column({ type: 'text' }) goods!: string;
}
