import { ArgsType, Field, InputType } from '@nestjs/graphql';
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
import { ChplTier, CountryRiskGroup } from '../reference.enums.js';

@InputType()
export class HsCodeFilter {
  @Field(() => ChplTier, { nullable: true }) @IsOptional() @IsEnum(ChplTier) chplTier?: ChplTier;
  @Field({ nullable: true, description: 'Only codes on the CHPL (any tier), or only off it.' })
  @IsOptional()
  @IsBoolean()
  onChpl?: boolean;
  @Field({ nullable: true, description: 'Code prefix (`8542`) or words of the description.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class HsCodesArgs extends PageArgs {
  @Field(() => HsCodeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HsCodeFilter)
  filter?: HsCodeFilter;
}

@InputType()
export class CountryFilter {
  @Field(() => CountryRiskGroup, { nullable: true })
  @IsOptional()
  @IsEnum(CountryRiskGroup)
  riskGroup?: CountryRiskGroup;
}

@ArgsType()
export class CountriesArgs extends PageArgs {
  @Field(() => CountryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CountryFilter)
  filter?: CountryFilter;
}
