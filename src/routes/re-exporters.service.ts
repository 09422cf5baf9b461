import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page } from '../common/graphql/connection.js';
import { decodeCursor, encodeCursor } from '../common/graphql/cursor.js';
import { afterCondition, orderByClause } from '../common/graphql/list-order.js';
import type { ReExportersArgs } from './dto/re-exporters.args.js';
import { ReExporterModel } from './re-exporter.model.js';
import { RE_EXPORTER_RANK } from './re-exporter.orders.js';
import {
  reExporterCountSql,
  type ReExporterRow,
  type ReExporterScope,
  reExportersSql,
} from './re-exporters.sql.js';
import { RoutesService } from './routes.service.js';

@Injectable()
export class ReExportersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly routes: RoutesService,
  ) {}

  /**
   * The organizations standing as intermediaries on routes that pass the filter, highest route
   * score first, then value, then id; their figures over those routes only. A page in one
   * statement, and the total in one more when it is read.
   */
  async list(args: ReExportersArgs): Promise<Page<ReExporterModel>> {
    const after = args.after ? decodeCursor(RE_EXPORTER_RANK, args.after) : null;
    const { country, ...routeFilter } = args.filter ?? {};
    // The routes list's own filter; the country is the re-exporter's, so it picks the intermediaries.
    const [passing, filterParams] = this.routes
      .filtered(routeFilter)
      .select('r.id')
      .getQueryAndParameters();
    const params: unknown[] = filterParams;
    const param = (value: unknown) => `$${params.push(value)}`;
    const scope: ReExporterScope = {
      routes: `r.id IN (${passing})`,
      organizations: country
        ? `p.organization_id IN (SELECT o.id FROM organization o WHERE o.country = ${param(country)})`
        : 'true',
    };
    const scopeParams = [...params];
    const keyset = after
      ? `WHERE ${afterCondition(RE_EXPORTER_RANK, 'x', (i) => param(after[i]))}`
      : '';
    const choose = `${keyset} ORDER BY ${orderByClause(RE_EXPORTER_RANK, 'x')} LIMIT ${param(args.first + 1)}`;
    const rows = await this.ds.query<ReExporterRow[]>(
      reExportersSql(scope, choose, orderByClause(RE_EXPORTER_RANK, 'c')),
      params,
    );
    const edges = rows.slice(0, args.first).map((row) => ({
      cursor: encodeCursor(RE_EXPORTER_RANK, row),
      node: ReExporterModel.from(row),
    }));
    const pageInfo = {
      hasNextPage: rows.length > args.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
    return new Page(edges, pageInfo, async () => {
      const [{ n }] = await this.ds.query<{ n: number }[]>(reExporterCountSql(scope), scopeParams);
      return n;
    });
  }
}
