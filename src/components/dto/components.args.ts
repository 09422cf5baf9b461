import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { IsCountryCode, IsHsCode, IsId } from '../../common/validators.js';
import { ChplTier } from '../../reference/reference.enums.js';
import { ComponentCategory } from '../component.enums.js';

export enum ComponentOrder {
  PART_NUMBER = 'PART_NUMBER',
  NEWEST = 'NEWEST',
}
registerEnumType(ComponentOrder, {
  name: 'ComponentOrder',
  description: 'PART_NUMBER: by normalized part number (default); NEWEST: latest added first.',
});

@InputType()
export class ComponentFilter {
  @Field({
    nullable: true,
    description: 'Part number or part of it; spaces and punctuation are ignored (`tms320 f28335`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() manufacturerId?: string;

  @Field({ nullable: true, description: "The manufacturer's home country (ISO 3166-1 alpha-2)." })
  @IsOptional()
  @IsCountryCode()
  manufacturerCountry?: string;

  @Field(() => ComponentCategory, { nullable: true })
  @IsOptional()
  @IsEnum(ComponentCategory)
  category?: ComponentCategory;

  @Field({ nullable: true }) @IsOptional() @IsHsCode() hsCode?: string;

  @Field(() => ChplTier, { nullable: true }) @IsOptional() @IsEnum(ChplTier) chplTier?: ChplTier;

  @Field(() => ID, { nullable: true, description: 'Only parts recovered from this weapon system.' })
  @IsOptional()
  @IsId()
  foundInWeaponSystemId?: string;

  @Field({ nullable: true, defaultValue: false, description: 'Include archived components.' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class ComponentsArgs extends PageArgs {
  @Field(() => ComponentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComponentFilter)
  filter?: ComponentFilter;

  @Field(() => ComponentOrder, { nullable: true, defaultValue: ComponentOrder.PART_NUMBER })
  @IsOptional()
  @IsEnum(ComponentOrder)
  orderBy?: ComponentOrder;
}
