import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { AppUserEntity } from '../auth/app-user.entity.js';
import { BaseEntity } from '../common/entity/base.entity.js';
import { RouteDetectionMode, RouteDetectionStatus } from './route.enums.js';

/**
 * One run of route detection: written RUNNING when it starts, ended DONE with its counts or FAILED
 * with the reason. An incremental run reads the shipments written since the start of the last run
 * that finished (`since`).
 */
@Entity('route_detection_run')
@Check('chk_route_detection_run_error', `(status = 'FAILED') = (error IS NOT NULL)`)
@Index('idx_route_detection_run_status_started_at', ['status', 'startedAt'])
export class RouteDetectionRunEntity extends BaseEntity {
  @Column({ type: 'enum', enum: RouteDetectionMode, enumName: 'route_detection_mode' })
  mode!: RouteDetectionMode;
  @Column({ type: 'enum', enum: RouteDetectionStatus, enumName: 'route_detection_status' })
  status!: RouteDetectionStatus;
  @Column({ type: 'timestamptz', precision: 3 }) startedAt!: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) finishedAt!: Date | null;
  /** Incremental runs: shipments written at or after this time were read. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) since!: Date | null;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<AppUserEntity>;
  @Column({ type: 'integer', default: 0 }) routesFound!: number;
  @Column({ type: 'integer', default: 0 }) newRoutes!: number;
  @Column({ type: 'integer', default: 0 }) updatedRoutes!: number;
  @Column({ type: 'integer', default: 0 }) removedRoutes!: number;
  @Column({ type: 'integer', nullable: true }) durationMs!: number | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
}
