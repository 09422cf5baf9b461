import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsNumber, IsOptional, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { IsCalendarDate, IsCountryCode, IsHsCode, IsId } from '../../common/validators.js';
import '../../reference/reference.model.js'; // registers ChplTier
import { ChplTier } from '../../reference/reference.enums.js';

@InputType()
export class ShipmentFilter {
  @Field({ nullable: true, description: 'Shipped on or after (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field({ nullable: true, description: 'Shipped on or before (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() exporterId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() importerId?: string;

  @Field({ nullable: true, description: '6-digit HS code (`8542.31` is read as `854231`).' })
  @IsOptional()
  @IsHsCode()
  hsCode?: string;

  @Field(() => ChplTier, {
    nullable: true,
    description: 'Goods whose HS code is in this tier of the Common High Priority List.',
  })
  @IsOptional()
  @IsEnum(ChplTier)
  chplTier?: ChplTier;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() componentId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Parts made by this manufacturer or by a company in its lineage (its subsidiaries and the companies it took over: Texas Instruments includes National Semiconductor). Shipments that name no part do not match.',
  })
  @IsOptional()
  @IsId()
  manufacturerId?: string;

  @Field({ nullable: true, description: 'Goods made in this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @IsCountryCode()
  originCountry?: string;

  @Field({ nullable: true, description: 'Shipped from this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @IsCountryCode()
  exportCountry?: string;

  @Field({ nullable: true, description: 'Shipped to this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @IsCountryCode()
  importCountry?: string;

  @Field(() => Float, { nullable: true, description: 'Value in USD at least this.' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  minValueUsd?: number;

  @Field({
    nullable: true,
    description: 'true: only invented records (demo, generated); false: only real ones.',
  })
  @IsOptional()
  @IsBoolean()
  synthetic?: boolean;
}

@ArgsType()
export class ShipmentsArgs extends PageArgs {
  @Field(() => ShipmentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShipmentFilter)
  filter?: ShipmentFilter;
}
