import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  IsCalendarDate,
  IsCountryCode,
  IsHsCode,
  IsId,
  NotInFuture,
  Trim,
} from '../../common/validators.js';

/** numeric(18,3) and numeric(18,2) hold less than 10^15. */
const MAX_AMOUNT = 999_999_999_999_999;

/** Set when given: `null` is refused (the column is not nullable), `undefined` leaves it alone. */
const IfGiven = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** What a shipment records besides its date and identity: all optional, `null` for unknown. */
@InputType({ isAbstract: true })
abstract class ShipmentFields {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() exporterId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() importerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the goods were made.' })
  @IsOptional()
  @IsCountryCode()
  originCountry?: string | null;

  @Field(() => String, { nullable: true, description: 'Shipped from.' })
  @IsOptional()
  @IsCountryCode()
  exportCountry?: string | null;

  @Field(() => String, { nullable: true, description: 'Shipped to.' })
  @IsOptional()
  @IsCountryCode()
  importCountry?: string | null;

  @Field(() => String, { nullable: true, description: '6-digit HS code.' })
  @IsOptional()
  @IsHsCode()
  hsCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The part, when it is known.' })
  @IsOptional()
  @IsId()
  componentId?: string | null;

  @Field(() => String, { nullable: true, description: 'The part number as the record writes it.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  partNumberRaw?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(MAX_AMOUNT)
  quantity?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(MAX_AMOUNT)
  valueUsd?: number | null;
}

@InputType()
export class RecordShipmentInput extends ShipmentFields {
  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  @IsCalendarDate()
  @NotInFuture()
  shippedOn!: string;

  @Field({ description: 'The dataset the record comes from.' })
  @Trim()
  @IsString()
  @Length(1, 100)
  source!: string;

  @Field({ description: 'The record’s id in its dataset; unique with `source`.' })
  @Trim()
  @IsString()
  @Length(1, 200)
  sourceRecordId!: string;
}

@InputType({
  description:
    'Fields left out are unchanged; `null` clears an optional one. Source and source record id, the identity of the record, do not change.',
})
export class UpdateShipmentInput extends ShipmentFields {
  @Field(() => ID) @IsId() id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ nullable: true }) @IfGiven() @IsCalendarDate() @NotInFuture() shippedOn?: string;
}
