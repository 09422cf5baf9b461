import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/graphql/connection.js';
import type { ReExporterRow } from './re-exporters.sql.js';

@ObjectType('ReExporterRedFlag', {
  description: 'A red flag raised on routes of a re-exporter, and on how many of them.',
})
export class ReExporterRedFlagModel {
  @Field({ description: 'The catalogue code, e.g. `FAST_PASS_THROUGH`.' }) code!: string;
  @Field(() => Int, { description: 'Points it adds to a route’s score (the heaviest it carried).' })
  weight!: number;
  @Field(() => Int, { description: 'Routes of the re-exporter that raised it.' })
  routeCount!: number;
}

@ObjectType('ReExporterSupplier', {
  description:
    'An upstream maker or supplier of a re-exporter’s routes: the origin party of a route, or the maker of its part.',
})
export class ReExporterSupplierModel {
  @Field(() => String, { nullable: true, description: 'The organization’s country.' })
  country!: string | null;
  /** Feeds `organization`. */
  organizationId!: string;
}

@ObjectType('ReExporter', {
  description:
    'An organization standing as an intermediary on re-export routes, with figures over those routes (the routes that pass the filter, in `reExporters`): see docs/re-exporters.md.',
})
export class ReExporterModel {
  @Field(() => Int, { description: 'Routes it stands on as an intermediary.' })
  routeCount!: number;
  @Field(() => Int, { description: 'Of those, the routes a reviewer CONFIRMED.' })
  confirmedRouteCount!: number;
  @Field(() => Int, { description: 'The highest score of those routes (0–100).' })
  highestScore!: number;
  @Field(() => Float, {
    description:
      'Value in USD of the legs of those routes it shipped, each shipment once even when it is a leg of two routes, plus the value of each of those routes that has no legs.',
  })
  valueUsd!: number;
  @Field(() => [ReExporterRedFlagModel], {
    description:
      'The red flags of those routes, raised on most routes first, then heaviest, then by code: at most 5.',
  })
  topRedFlags!: ReExporterRedFlagModel[];
  @Field(() => [String], {
    description: 'The countries of those routes’ destination parties, each once, sorted.',
  })
  destinations!: string[];
  @Field(() => [ReExporterSupplierModel], {
    description:
      'Upstream makers and suppliers: the origin parties of those routes and the makers of their parts, each once, by name.',
  })
  suppliers!: ReExporterSupplierModel[];
  @Field(() => String, {
    nullable: true,
    description: 'The earliest first leg of those routes (YYYY-MM-DD); null when none has dates.',
  })
  firstSeen!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The latest last leg of those routes (YYYY-MM-DD); null when none has dates.',
  })
  lastSeen!: string | null;
  /** Feeds `organization`. */
  organizationId!: string;

  static from = (r: ReExporterRow): ReExporterModel =>
    Object.assign(new ReExporterModel(), {
      organizationId: r.id,
      routeCount: r.route_count,
      confirmedRouteCount: r.confirmed_route_count,
      highestScore: r.highest_score,
      valueUsd: Number(r.value_usd),
      topRedFlags: r.top_red_flags.map((f) => Object.assign(new ReExporterRedFlagModel(), f)),
      destinations: r.destinations,
      suppliers: r.suppliers.map((s) => Object.assign(new ReExporterSupplierModel(), s)),
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
    });
}

@ObjectType()
export class ReExporterConnection extends Connection(ReExporterModel, 'ReExporter') {}
