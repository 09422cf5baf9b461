import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { AppError } from '../common/errors.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { key, listOrder } from '../common/graphql/list-order.js';
import { updateVersioned } from '../common/optimistic-lock.js';
import { assertReferences } from '../common/references.js';
import { assertCountries } from '../reference/reference-checks.js';
import type { ReportStrikeInput, UpdateStrikeReportInput } from './dto/strike-report.inputs.js';
import type { StrikeReportsArgs } from './dto/strike-reports.args.js';
import { StrikeReportEntity } from './strike-report.entity.js';
import { StrikeReportModel } from './strike-report.model.js';

/** The fields an update may change, as the input names them (the column of each is the same). */
const EDITABLE = [
  'occurredAt',
  'place',
  'adminArea',
  'country',
  'latitude',
  'longitude',
  'weaponSystemId',
  'munitionsCount',
  'killed',
  'injured',
  'summary',
] as const;

const degrees = (value: number | null | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

/** A position is latitude and longitude together, or neither. */
function assertPoint(row: { latitude?: unknown; longitude?: unknown }): void {
  const missing = [
    ['latitude', row.latitude],
    ['longitude', row.longitude],
  ].filter(([, v]) => v === null || v === undefined);
  if (missing.length === 1) {
    const [field] = missing[0] as [string, unknown];
    throw AppError.badInput('Latitude and longitude go together', [
      {
        field,
        messages: [
          `${field} must be given with ${field === 'latitude' ? 'longitude' : 'latitude'}`,
        ],
      },
    ]);
  }
}

/** Newest strike first (when it occurred). */
const STRIKES_NEWEST = listOrder<StrikeReportEntity>('strikeReport.newest', 'DESC', [
  key.instant('occurred_at', (s) => s.occurredAt),
  key.id(),
]);

@Injectable()
export class StrikeReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Newest first (occurred_at, then id, descending). */
  list(args: StrikeReportsArgs): Promise<Page<StrikeReportModel>> {
    const qb = this.ds.getRepository(StrikeReportEntity).createQueryBuilder('s');
    const f = args.filter ?? {};
    if (f.from) qb.andWhere('s.occurred_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('s.occurred_at < :to', { to: f.to });
    if (f.adminArea) qb.andWhere('s.admin_area = :adminArea', { adminArea: f.adminArea });
    if (f.weaponSystemId)
      qb.andWhere('s.weapon_system_id = :weaponSystemId', { weaponSystemId: f.weaponSystemId });
    return paginate(qb, args, {
      order: STRIKES_NEWEST,
      toNode: StrikeReportModel.from,
    });
  }

  async byId(id: string): Promise<StrikeReportModel | null> {
    const row = await this.ds.getRepository(StrikeReportEntity).findOneBy({ id });
    return row ? StrikeReportModel.from(row) : null;
  }

  report(actor: Actor, input: ReportStrikeInput): Promise<StrikeReportModel> {
    assertPoint(input);
    return this.ds.transaction(async (em) => {
      await assertCountries(em, { country: input.country });
      await assertReferences(em, 'weapon_system', { weaponSystemId: input.weaponSystemId });
      const repo = em.getRepository(StrikeReportEntity);
      const { id } = await repo.save({
        occurredAt: input.occurredAt,
        place: input.place ?? null,
        adminArea: input.adminArea ?? null,
        country: input.country ?? null,
        latitude: degrees(input.latitude),
        longitude: degrees(input.longitude),
        weaponSystemId: input.weaponSystemId ?? null,
        munitionsCount: input.munitionsCount ?? null,
        killed: input.killed ?? null,
        injured: input.injured ?? null,
        summary: input.summary ?? null,
      });
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, actor, {
        action: 'strikeReport.create',
        subjectType: 'strikeReport',
        subjectId: id,
        after,
      });
      return StrikeReportModel.from(after);
    });
  }

  /** Changes the fields given (null clears one), if `expectedVersion` is still current. */
  update(actor: Actor, input: UpdateStrikeReportInput): Promise<StrikeReportModel> {
    const given = EDITABLE.filter((field) => input[field] !== undefined);
    if (!given.length) {
      throw AppError.badInput('Nothing to change: give at least one field', [
        { field: 'input', messages: [`give at least one of ${EDITABLE.join(', ')}`] },
      ]);
    }
    return this.ds.transaction(async (em) => {
      await assertCountries(em, { country: input.country });
      await assertReferences(em, 'weapon_system', { weaponSystemId: input.weaponSystemId });
      const changes: Partial<StrikeReportEntity> = {};
      for (const field of given) {
        if (field === 'latitude' || field === 'longitude') changes[field] = degrees(input[field]);
        else Object.assign(changes, { [field]: input[field] });
      }
      const { before, after } = await updateVersioned(
        em,
        StrikeReportEntity,
        'Strike report',
        input.id,
        input.expectedVersion,
        changes,
      );
      assertPoint(after);
      await this.audit.record(em, actor, {
        action: 'strikeReport.update',
        subjectType: 'strikeReport',
        subjectId: input.id,
        before,
        after,
      });
      return StrikeReportModel.from(after);
    });
  }
}
