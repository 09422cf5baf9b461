import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { Connection } from '../common/graphql/connection.js';
import type { ShipmentEntity } from './shipment.entity.js';

/** numeric columns come back from pg as strings. */
const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

@ObjectType('Shipment', { description: 'One trade record (a customs line).' })
export class ShipmentModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'YYYY-MM-DD.' }) shippedOn!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Where the goods were made (not the maker’s home, nor where they left from).',
  })
  originCountry!: string | null;
  @Field(() => String, { nullable: true, description: 'The country the goods were shipped from.' })
  exportCountry!: string | null;
  @Field(() => String, { nullable: true, description: 'The country the goods were shipped to.' })
  importCountry!: string | null;
  @Field(() => String, { nullable: true, description: '6-digit HS code.' }) hsCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The part number as the record writes it.' })
  partNumberRaw!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Float, { nullable: true }) quantity!: number | null;
  @Field(() => Float, { nullable: true }) valueUsd!: number | null;
  @Field({ description: 'The dataset the record came from.' }) source!: string;
  @Field({ description: 'The record’s id in its dataset; unique with `source`.' })
  sourceRecordId!: string;
  @Field({ description: 'True for generated demo or benchmark records, which are not facts.' })
  synthetic!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
  exporterId!: string | null;
  importerId!: string | null;
  componentId!: string | null;

  static from = (e: ShipmentEntity): ShipmentModel =>
    Object.assign(new ShipmentModel(), {
      id: e.id,
      shippedOn: e.shippedOn,
      originCountry: e.originCountry,
      exportCountry: e.exportCountry,
      importCountry: e.importCountry,
      hsCode: e.hsCode,
      partNumberRaw: e.partNumberRaw,
      description: e.description,
      quantity: toNumber(e.quantity),
      valueUsd: toNumber(e.valueUsd),
      source: e.source,
      sourceRecordId: e.sourceRecordId,
      synthetic: e.synthetic,
      version: e.version,
      createdAt: e.createdAt,
      exporterId: e.exporterId,
      importerId: e.importerId,
      componentId: e.componentId,
    });
}

@ObjectType()
export class ShipmentConnection extends Connection(ShipmentModel, 'Shipment') {}
