import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors.js';
import { hydrate } from '../common/graphql/relation-pages.js';
import { ComponentEntity } from '../components/component.entity.js';
import { ComponentModel } from '../components/component.model.js';
import { parseMarking } from '../components/marking.js';
import { normalizePartNumber } from '../components/part-number.js';
import { ComponentFindingEntity } from '../findings/component-finding.entity.js';
import { FindingModel } from '../findings/finding.model.js';
import { RouteEntity } from '../routes/route.entity.js';
import { RouteModel } from '../routes/route.model.js';
import {
  ComponentTraceModel,
  TraceIntermediaryModel,
  TraceRouteModel,
  type TraceParts,
} from './component-trace.model.js';
import type { TraceComponentArgs } from './dto/trace-component.args.js';
import { partCandidates, PartMatch } from './part-candidates.js';
import {
  COMPONENT_BY_ID,
  COMPONENTS_BY_PART_NUMBERS,
  FINDINGS_OF_COMPONENT,
  INTERMEDIARIES_OF_COMPONENT,
  NEAREST_PARTS,
  OWNERSHIP_CHAIN,
  ROUTES_OF_COMPONENT,
} from './trace.sql.js';

/** A known part like an unknown one, for the NOT_FOUND error (`extensions.nearest`). */
export interface NearestPart {
  componentId: string;
  partNumber: string;
  manufacturer: string;
  /** Trigram similarity, 0 to 1. */
  similarity: number;
}

type Raw = Record<string, unknown>;

interface NearestRow {
  component_id: string;
  part_number: string;
  manufacturer: string;
  similarity: number;
}

interface IntermediaryRow {
  organization_id: string;
  country: string | null;
  route_count: number;
  value_usd: number;
}

/** The parts of the trace each of its fields needs. */
const PARTS_OF_FIELD: Record<string, (keyof TraceParts)[]> = {
  lineage: ['lineageIds'],
  findings: ['findings'],
  routes: ['routes'],
  intermediaries: ['intermediaries'],
  firstSeen: ['findings', 'routes'],
  lastSeen: ['findings', 'routes'],
};

/** Runs `read` the first time it is asked for, and answers the same promise after. */
const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let result: Promise<T> | undefined;
  return () => (result ??= read());
};

@Injectable()
export class TraceService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The trace of a part, by id or by a part number or marking as printed: the part first (an
   * unknown one is NOT_FOUND, with the nearest known part numbers), then the parts of the answer
   * the query asks for (`fields`, the trace's fields it selects), one statement each, side by
   * side. They are all read before the trace is answered, so that the fields under them load
   * together, each type in one batch, whatever the order the statements finish in.
   */
  async trace(args: TraceComponentArgs, fields: Set<string>): Promise<ComponentTraceModel> {
    const { component, matchedBy } = await this.resolve(args);
    const parts = this.partsOf(component);
    const wanted = new Set([...fields].flatMap((field) => PARTS_OF_FIELD[field] ?? []));
    await Promise.all([...wanted].map((part) => parts[part]()));
    return Object.assign(new ComponentTraceModel(), { component, matchedBy, parts });
  }

  private async resolve({
    partNumber,
    componentId,
  }: TraceComponentArgs): Promise<{ component: ComponentModel; matchedBy: PartMatch }> {
    if ((partNumber == null) === (componentId == null)) {
      const message = 'give exactly one of partNumber and componentId';
      throw AppError.badInput('Give exactly one of partNumber and componentId', [
        { field: 'partNumber', messages: [message] },
        { field: 'componentId', messages: [message] },
      ]);
    }
    if (componentId != null) {
      const [row] = await this.components(COMPONENT_BY_ID, [componentId]);
      if (!row) throw AppError.notFound('Component', componentId);
      return { component: row, matchedBy: PartMatch.COMPONENT_ID };
    }
    const text = partNumber!;
    const candidates = partCandidates(text);
    if (!candidates.length) {
      throw AppError.badInput('Invalid part number', [
        { field: 'partNumber', messages: ['partNumber must contain letters or digits'] },
      ]);
    }
    const byNormalized = new Map(candidates.map((c) => [c.normalized, c]));
    const rows = await this.components(COMPONENTS_BY_PART_NUMBERS, [
      candidates.map((c) => c.normalized),
    ]);
    if (!rows.length) throw await this.notFound(text);
    // Best rank first; at the same rank, a live part before an archived one.
    const standing = (c: ComponentModel) =>
      byNormalized.get(c.normalizedPartNumber)!.rank * 2 + (c.archivedAt ? 1 : 0);
    rows.sort((a, b) => standing(a) - standing(b));
    const [best] = rows;
    const tied = rows.filter((r) => standing(r) === standing(best));
    if (tied.length > 1) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `${tied.length} components have the part number ${best.partNumber}: trace one by componentId`,
        {
          fields: [{ field: 'partNumber', messages: ['names more than one component'] }],
          candidates: tied.map((c) => ({
            componentId: c.id,
            partNumber: c.partNumber,
            manufacturerId: c.manufacturerId,
          })),
        },
      );
    }
    return { component: best, matchedBy: byNormalized.get(best.normalizedPartNumber)!.match };
  }

  /** NOT_FOUND, with up to 5 known part numbers most like the text or the part number read from it. */
  private async notFound(text: string): Promise<AppError> {
    const whole = normalizePartNumber(text);
    const parsed = parseMarking(text).partNumber;
    const rows = await this.rows<NearestRow>(NEAREST_PARTS, [
      whole,
      parsed ? normalizePartNumber(parsed) : whole,
    ]);
    const nearest: NearestPart[] = rows.map((r) => ({
      componentId: r.component_id,
      partNumber: r.part_number,
      manufacturer: r.manufacturer,
      similarity: r.similarity,
    }));
    return new AppError(ErrorCode.NOT_FOUND, `No catalogued part matches "${text}"`, { nearest });
  }

  private async components(sql: string, params: unknown[]): Promise<ComponentModel[]> {
    const rows = await this.rows<Raw>(sql, params);
    return rows.map((raw) => ComponentModel.from(hydrate(this.ds, ComponentEntity, raw)));
  }

  private rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.ds.query<T[]>(sql, params);
  }

  private partsOf(component: ComponentModel): TraceParts {
    const traced = [component.id, component.hsCode];
    return {
      lineageIds: once(async () =>
        (await this.rows<{ id: string }>(OWNERSHIP_CHAIN, [component.manufacturerId])).map(
          (r) => r.id,
        ),
      ),
      findings: once(async () =>
        (await this.rows<Raw>(FINDINGS_OF_COMPONENT, [component.id])).map((raw) =>
          FindingModel.from(hydrate(this.ds, ComponentFindingEntity, raw)),
        ),
      ),
      routes: once(async () =>
        (await this.rows<Raw>(ROUTES_OF_COMPONENT, traced)).map((raw) => {
          const route = RouteModel.from(hydrate(this.ds, RouteEntity, raw));
          return Object.assign(new TraceRouteModel(), { route, byHsCode: !route.componentId });
        }),
      ),
      intermediaries: once(async () =>
        (await this.rows<IntermediaryRow>(INTERMEDIARIES_OF_COMPONENT, traced)).map((r) =>
          Object.assign(new TraceIntermediaryModel(), {
            organizationId: r.organization_id,
            country: r.country,
            valueUsd: r.value_usd,
            routeCount: r.route_count,
          }),
        ),
      ),
    };
  }
}
