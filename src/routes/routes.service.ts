import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { updateVersioned } from '../common/optimistic-lock.js';
import { lineageIds } from '../organizations/lineage.js';
import type { ReviewRouteInput } from './dto/review-route.input.js';
import { type RouteFilter, RouteOrder, type RoutesArgs } from './dto/routes.args.js';
import { RouteEntity } from './route.entity.js';
import { RouteModel } from './route.model.js';
import { ROUTE_ORDERS } from './route.orders.js';
import { destinationOf, intermediariesOf, pathHolds } from './route-path.sql.js';

@Injectable()
export class RoutesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Re-export routes, filtered, highest score first unless another order is asked for. */
  list(args: RoutesArgs): Promise<Page<RouteModel>> {
    const order = ROUTE_ORDERS[args.orderBy ?? RouteOrder.SCORE];
    return paginate(this.filtered(args.filter ?? {}), args, { order, toNode: RouteModel.from });
  }

  /** The routes passing a filter, alias `r`: the one filter of routes (this list, re-exporters). */
  filtered(f: RouteFilter): SelectQueryBuilder<RouteEntity> {
    const qb = this.ds.getRepository(RouteEntity).createQueryBuilder('r');
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.source) qb.andWhere('r.source = :source', { source: f.source });
    if (f.minScore !== undefined && f.minScore !== null)
      qb.andWhere('r.score >= :minScore', { minScore: f.minScore });
    if (f.intermediaryCountry) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM organization o
                  WHERE o.id = ANY(${intermediariesOf('r')}) AND o.country = :intermediaryCountry)`,
        { intermediaryCountry: f.intermediaryCountry },
      );
    }
    if (f.destinationCountry) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM organization o
                  WHERE o.id = ${destinationOf('r')} AND o.country = :destinationCountry)`,
        { destinationCountry: f.destinationCountry },
      );
    }
    if (f.chplTier) {
      // The goods' code: the part's HS code, else the route's own.
      qb.andWhere(
        `coalesce((SELECT c.hs_code FROM component c WHERE c.id = r.component_id), r.hs_code)
           IN (SELECT h.code FROM hs_code h WHERE h.chpl_tier = :chplTier)`,
        { chplTier: f.chplTier },
      );
    }
    if (f.componentId) qb.andWhere('r.component_id = :componentId', { componentId: f.componentId });
    if (f.manufacturerId) {
      qb.andWhere(
        `r.component_id IN (SELECT c.id FROM component c
           WHERE c.manufacturer_id IN (${lineageIds(':manufacturerId')}))`,
        { manufacturerId: f.manufacturerId },
      );
    }
    if (f.organizationId) {
      qb.andWhere(pathHolds('r', 'CAST(:organizationId AS uuid)'), {
        organizationId: f.organizationId,
      });
    }
    // The route's shipping dates overlap the period; a route without dates matches no period.
    if (f.from) qb.andWhere('r.last_shipped_on >= :from', { from: f.from });
    if (f.to) qb.andWhere('r.first_shipped_on <= :to', { to: f.to });
    return qb;
  }

  async byId(id: string): Promise<RouteModel | null> {
    const row = await this.ds.getRepository(RouteEntity).findOneBy({ id });
    return row ? RouteModel.from(row) : null;
  }

  /**
   * A reviewer's decision: the status and its note, who and when; audited. Any status may follow any
   * (a reviewer may reopen a route); CONFIRMED and DISMISSED need a note (checked on the input).
   */
  review(actor: Actor, input: ReviewRouteInput): Promise<RouteModel> {
    return this.ds.transaction(async (em) => {
      const { before, after } = await updateVersioned(
        em,
        RouteEntity,
        'Route',
        input.id,
        input.expectedVersion,
        {
          status: input.status,
          reviewNote: input.note ?? null,
          reviewerId: actor.userId,
          reviewedAt: new Date(),
        },
      );
      await this.audit.record(em, actor, {
        action: 'route.review',
        subjectType: 'route',
        subjectId: input.id,
        before,
        after,
      });
      return RouteModel.from(after);
    });
  }
}
