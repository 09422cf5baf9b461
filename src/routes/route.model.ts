import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/graphql/connection.js';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import type { ShipmentModel } from '../shipments/shipment.model.js';
import type { RouteEntity } from './route.entity.js';
import { RouteSource, RouteStatus } from './route.enums.js';

registerEnumType(RouteStatus, {
  name: 'RouteStatus',
  description: 'OPEN (not looked at), UNDER_REVIEW, CONFIRMED or DISMISSED by a reviewer.',
});
registerEnumType(RouteSource, {
  name: 'RouteSource',
  description: 'DETECTED in the trade data, or MANUAL: flagged by an investigator.',
});

@ObjectType('RedFlag', { description: 'Why a route is suspicious: one flag of the catalogue.' })
export class RedFlagModel {
  @Field({ description: 'The catalogue code, e.g. `FAST_PASS_THROUGH`.' }) code!: string;
  @Field(() => Int, { description: 'Points it adds to the score.' }) weight!: number;
  @Field({ description: 'What raised it on this route: the party, date, code or part.' })
  explanation!: string;
}

@ObjectType('Route', {
  description:
    'A re-export route: a path of parties (an origin, one to three intermediaries outside the sanctions coalition, a party in a destination of concern) along which the same goods travelled.',
})
export class RouteModel {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '0–100: the sum of the red flags’ weights, at most 100.' })
  score!: number;
  @Field(() => RouteStatus) status!: RouteStatus;
  @Field(() => RouteSource) source!: RouteSource;
  @Field(() => [RedFlagModel], { description: 'Highest weight first.' }) redFlags!: RedFlagModel[];
  @Field(() => String, { nullable: true, description: 'The first leg’s date (YYYY-MM-DD).' })
  firstShippedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The last leg’s date (YYYY-MM-DD).' })
  lastShippedOn!: string | null;
  @Field(() => Float, { description: 'Value of the legs into the destination, in USD.' })
  valueUsd!: number;
  @Field(() => String, { nullable: true }) reviewNote!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'How the route came to be known.' })
  note!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The last detection run that found it in the trade data.',
  })
  detectedAt!: Date | null;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
  partyPath!: string[];
  hasOriginParty!: boolean;
  originCountry!: string | null;
  componentId!: string | null;
  hsCode!: string | null;
  reviewerId!: string | null;

  static from = (e: RouteEntity): RouteModel =>
    Object.assign(new RouteModel(), {
      id: e.id,
      score: e.score,
      status: e.status,
      source: e.source,
      redFlags: [...e.redFlags].sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code)),
      firstShippedOn: e.firstShippedOn,
      lastShippedOn: e.lastShippedOn,
      valueUsd: Number(e.valueUsd),
      reviewNote: e.reviewNote,
      reviewedAt: e.reviewedAt,
      note: e.note,
      detectedAt: e.detectedAt,
      version: e.version,
      createdAt: e.createdAt,
      partyPath: e.partyPath,
      hasOriginParty: e.hasOriginParty,
      originCountry: e.originCountry,
      componentId: e.componentId,
      hsCode: e.hsCode,
      reviewerId: e.reviewerId,
    });

  /** The intermediaries' ids, in path order. */
  get intermediaryIds(): string[] {
    return this.partyPath.slice(this.hasOriginParty ? 1 : 0, -1);
  }

  get destinationId(): string {
    return this.partyPath[this.partyPath.length - 1];
  }

  get originPartyId(): string | null {
    return this.hasOriginParty ? this.partyPath[0] : null;
  }
}

@ObjectType()
export class RouteConnection extends Connection(RouteModel, 'Route') {}

@ObjectType('RouteLeg', { description: 'A shipment along a route, and the hop it makes.' })
export class RouteLegModel {
  @Field(() => Int, {
    description: 'The hop: 0 leaves the first party of the path, 1 the next one, and so on.',
  })
  position!: number;
  /** The shipment, read with the leg (one statement); the `shipment` field answers it. */
  shipment!: ShipmentModel;
}

@ObjectType('RouteOrigin', { description: 'Where the goods of a route came from.' })
export class RouteOrigin {
  @Field(() => String, {
    nullable: true,
    description:
      'The coalition country the goods came from: the origin party’s, else the goods’ country of origin.',
  })
  country!: string | null;
  /** Feeds `organization`: the maker or supplier the path starts with, when known. */
  organizationId!: string | null;

  static of = (r: RouteModel): RouteOrigin =>
    Object.assign(new RouteOrigin(), { country: r.originCountry, organizationId: r.originPartyId });
}

@ObjectType('RouteGoods', {
  description: 'What travelled: one part where the shipments name it, else one HS code.',
})
export class RouteGoods {
  @Field({ description: 'True when the route is for an HS code: its shipments name no part.' })
  byHsCode!: boolean;
  componentId!: string | null;
  /** The route's own HS code: the goods' code when no part is named. */
  routeHsCode!: string | null;

  static of = (r: RouteModel): RouteGoods =>
    Object.assign(new RouteGoods(), {
      byHsCode: r.componentId === null,
      componentId: r.componentId,
      routeHsCode: r.hsCode,
    });
}
