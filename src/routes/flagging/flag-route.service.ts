import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/auth-user.js';
import { AppError, ErrorCode, type FieldProblem } from '../../common/errors.js';
import { assertReferences } from '../../common/references.js';
import { isUniqueViolation } from '../../common/unique-violation.js';
import { ensureHsCodes } from '../../reference/reference-checks.js';
import type { FoundRoute } from '../detection/red-flag-facts.js';
import { CREATE_LEG_TABLE, scoreRoutes } from '../detection/score-routes.js';
import { RouteEntity } from '../route.entity.js';
import { RouteSource } from '../route.enums.js';
import { RouteModel } from '../route.model.js';
import type { FlagRouteInput } from './flag-route.input.js';
import { routeFromParties, routeFromShipments, type FlaggedPath } from './flagged-path.js';

const bad = (message: string, field: string, detail = message): AppError =>
  AppError.badInput(message, [{ field, messages: [detail] }]);

/**
 * `flagRoute`: a route an investigator knows of, from shipments or as a path of organizations with
 * its goods. Stored beside the detected ones (`source: MANUAL`), scored by the same catalogue as far
 * as its data allows, audited (`route.flag`). The same path and goods twice is CONFLICT naming the
 * route there; detection that later finds it adds its legs and keeps its source and review.
 */
@Injectable()
export class FlagRouteService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async flag(actor: Actor, input: FlagRouteInput): Promise<RouteModel> {
    if (Boolean(input.shipmentIds) === Boolean(input.partyIds)) {
      throw bad(
        'Give either shipmentIds or partyIds',
        'shipmentIds',
        'give shipmentIds or partyIds, not both',
      );
    }
    try {
      return await this.ds.transaction((em) => this.flagIn(em, actor, input));
    } catch (error) {
      // Flagged at the same moment by someone else: the unique identity says so.
      if (isUniqueViolation(error)) return this.conflict(input);
      throw error;
    }
  }

  private async flagIn(
    em: EntityManager,
    actor: Actor,
    input: FlagRouteInput,
  ): Promise<RouteModel> {
    const q = em.queryRunner as QueryRunner;
    const path = input.shipmentIds
      ? await routeFromShipments(em, input)
      : await this.fromParties(em, input);
    await this.checkPath(em, path);
    const [existing] = await em.query<{ id: string }[]>(
      `SELECT id FROM route WHERE identity_hash = route_identity($1::uuid[], $2::uuid, $3::char(6))`,
      [path.partyIds, path.componentId, path.hsCode],
    );
    if (existing) throw this.conflictError(existing.id);

    await q.query(CREATE_LEG_TABLE);
    const legs = JSON.stringify(path.legs);
    await q.query(
      `INSERT INTO rd_leg (candidate, position, last_position, shipment_id, shipped_on, quantity, value_usd)
       SELECT 1, l."position", $2, l."shipmentId", l."shippedOn", l.quantity, l."valueUsd"
         FROM jsonb_to_recordset($1::jsonb)
           AS l("position" int, "shipmentId" uuid, "shippedOn" date, quantity numeric, "valueUsd" numeric)`,
      [legs, path.partyIds.length - 2],
    );
    const found: FoundRoute = {
      candidate: 1,
      path: path.partyIds,
      hasOriginParty: path.hasOriginParty,
      componentId: path.componentId,
      hsCode: path.hsCode,
      firstShippedOn: path.firstShippedOn ?? '',
      lastShippedOn: path.lastShippedOn ?? '',
      valueUsd: path.valueUsd,
      originCountry: path.originCountry,
    };
    const [scored] = await scoreRoutes(q, [found]);

    const repo = em.getRepository(RouteEntity);
    const [{ id }] = await em.query<{ id: string }[]>(
      `INSERT INTO route (identity_hash, party_path, has_origin_party, origin_country, component_id, hs_code,
                          first_shipped_on, last_shipped_on, value_usd, score, red_flags, source, note)
       VALUES (route_identity($1::uuid[], $2::uuid, $3::char(6)), $1::uuid[], $4, $5, $2, $3, $6, $7, $8, $9, $10, $11, $12)
       RETURNING id`,
      [
        path.partyIds,
        path.componentId,
        path.hsCode,
        path.hasOriginParty,
        path.originCountry,
        path.firstShippedOn,
        path.lastShippedOn,
        path.valueUsd,
        scored.score,
        JSON.stringify(scored.redFlags),
        RouteSource.MANUAL,
        input.note,
      ],
    );
    await em.query(
      `INSERT INTO route_leg (route_id, shipment_id, position)
       SELECT $2, l."shipmentId", l."position"
         FROM jsonb_to_recordset($1::jsonb) AS l("position" int, "shipmentId" uuid)`,
      [legs, id],
    );
    const after = await repo.findOneByOrFail({ id });
    await this.audit.record(em, actor, {
      action: 'route.flag',
      subjectType: 'route',
      subjectId: id,
      after: { ...after, legs: path.legs.map((l) => l.shipmentId) },
    });
    return RouteModel.from(after);
  }

  private async fromParties(em: EntityManager, input: FlagRouteInput): Promise<FlaggedPath> {
    if (Boolean(input.componentId) === Boolean(input.hsCode))
      throw bad(
        'Give the goods: componentId or hsCode',
        'componentId',
        'give componentId or hsCode, not both',
      );
    await assertReferences(em, 'component', { componentId: input.componentId }, { live: true });
    await ensureHsCodes(em, { hsCode: input.hsCode });
    if (input.firstShippedOn && input.lastShippedOn && input.firstShippedOn > input.lastShippedOn)
      throw bad('firstShippedOn is after lastShippedOn', 'lastShippedOn');
    return routeFromParties(em, input);
  }

  /**
   * The parties exist and are live; the last is in a destination of concern; those between are
   * outside the coalition and not in a destination (a coalition party can only come first, as the
   * origin); a coalition country of origin, when one is given.
   */
  private async checkPath(em: EntityManager, path: FlaggedPath): Promise<void> {
    await assertReferences(
      em,
      'organization',
      Object.fromEntries(path.partyIds.map((id, i) => [`partyIds[${i}]`, id])),
      { live: true },
    );
    const parties = await em.query<
      { i: number; name: string; country: string | null; risk: string | null }[]
    >(
      `SELECT p.i, o.name, o.country, c.risk_group AS risk
         FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, i)
         JOIN organization o ON o.id = p.id LEFT JOIN country c ON c.code = o.country
        ORDER BY p.i`,
      [path.partyIds],
    );
    const problems: FieldProblem[] = [];
    const field = (i: number) => (path.fromShipments ? 'shipmentIds' : `partyIds[${i}]`);
    const end = parties[parties.length - 1];
    if (end.risk !== 'DESTINATION_OF_CONCERN') {
      problems.push({
        field: field(parties.length - 1),
        messages: [
          `${end.name} (${end.country ?? 'no country'}) is not in a destination of concern (RU, BY, IR, KP)`,
        ],
      });
    }
    const middle = parties.slice(path.hasOriginParty ? 1 : 0, -1);
    if (!middle.length)
      problems.push({ field: field(0), messages: ['a route has at least one intermediary'] });
    for (const p of middle) {
      if (p.risk === 'PARTNER' || p.risk === 'DESTINATION_OF_CONCERN') {
        problems.push({
          field: field(p.i - 1),
          messages: [
            `${p.name} (${p.country}) cannot be an intermediary: it is in ${p.risk === 'PARTNER' ? 'the coalition' : 'a destination of concern'}`,
          ],
        });
      }
    }
    if (path.originCountry) {
      const [origin] = await em.query<{ risk: string }[]>(
        `SELECT risk_group AS risk FROM country WHERE code = $1`,
        [path.originCountry],
      );
      if (!origin)
        problems.push({ field: 'originCountry', messages: [`no country ${path.originCountry}`] });
      else if (origin.risk !== 'PARTNER')
        problems.push({
          field: 'originCountry',
          messages: ['originCountry must be a coalition country'],
        });
    }
    if (problems.length) throw AppError.badInput('Not a re-export route', problems);
  }

  private conflictError(existingId: string): AppError {
    return new AppError(
      ErrorCode.CONFLICT,
      `This path and goods are already route ${existingId}: review it, or link evidence to it`,
      { existingId },
    );
  }

  private async conflict(input: FlagRouteInput): Promise<never> {
    const path = input.shipmentIds
      ? await routeFromShipments(this.ds.manager, input)
      : await routeFromParties(this.ds.manager, input);
    const [existing] = await this.ds.query<{ id: string }[]>(
      `SELECT id FROM route WHERE identity_hash = route_identity($1::uuid[], $2::uuid, $3::char(6))`,
      [path.partyIds, path.componentId, path.hsCode],
    );
    throw existing
      ? this.conflictError(existing.id)
      : new AppError(ErrorCode.CONFLICT, 'Flagged meanwhile: read it again');
  }
}
