import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { Connection } from '../common/graphql/connection.js';
import type { StrikeReportEntity } from './strike-report.entity.js';

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

@ObjectType('StrikeReport', {
  description: 'An attack as reported: when, where, with what, and its toll.',
})
export class StrikeReportModel {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) occurredAt!: Date;
  @Field(() => String, { nullable: true, description: 'Town or place (`Odesa`).' })
  place!: string | null;
  @Field(() => String, { nullable: true, description: 'Region (`Odesa Oblast`).' })
  adminArea!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country of the strike.' })
  country!: string | null;
  @Field(() => Float, { nullable: true, description: 'WGS 84 degrees, -90 to 90.' })
  latitude!: number | null;
  @Field(() => Float, { nullable: true, description: 'WGS 84 degrees, -180 to 180.' })
  longitude!: number | null;
  @Field(() => Int, { nullable: true, description: 'Munitions launched or reported.' })
  munitionsCount!: number | null;
  @Field(() => Int, { nullable: true }) killed!: number | null;
  @Field(() => Int, { nullable: true }) injured!: number | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field({ description: 'True for generated demo or benchmark records, which are not facts.' })
  synthetic!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The dataset an imported report came from; null when entered here.',
  })
  source!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The report’s id in its dataset; unique with `source`.',
  })
  sourceRecordId!: string | null;
  @Field(() => Int) version!: number;
  weaponSystemId!: string | null;

  static from = (e: StrikeReportEntity): StrikeReportModel =>
    Object.assign(new StrikeReportModel(), {
      id: e.id,
      occurredAt: e.occurredAt,
      place: e.place,
      adminArea: e.adminArea,
      country: e.country,
      latitude: toNumber(e.latitude),
      longitude: toNumber(e.longitude),
      munitionsCount: e.munitionsCount,
      killed: e.killed,
      injured: e.injured,
      summary: e.summary,
      synthetic: e.synthetic,
      source: e.source,
      sourceRecordId: e.sourceRecordId,
      version: e.version,
      weaponSystemId: e.weaponSystemId,
    });
}

@ObjectType()
export class StrikeReportConnection extends Connection(StrikeReportModel, 'StrikeReport') {}
