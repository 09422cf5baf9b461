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
import { IsCountryCode } from '../../common/validators.js';
import '../../reference/reference.model.js'; // registers CountryRiskGroup
import { CountryRiskGroup } from '../../reference/reference.enums.js';
import { OrganizationRole } from '../organization.enums.js';
import { OrganizationOrder } from '../organization.model.js';

@InputType()
export class OrganizationFilter {
  @Field({
    nullable: true,
    description:
      'Name or alias, or part of one, in any case and with or without accents; close spellings match too.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 country of the organization.' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field(() => OrganizationRole, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationRole)
  role?: OrganizationRole;

  @Field({
    nullable: true,
    description:
      'true: listed today by at least one authority (a listing not delisted); false: not.',
  })
  @IsOptional()
  @IsBoolean()
  sanctioned?: boolean;

  @Field(() => CountryRiskGroup, {
    nullable: true,
    description: 'The risk group of the organization’s country.',
  })
  @IsOptional()
  @IsEnum(CountryRiskGroup)
  countryRiskGroup?: CountryRiskGroup;

  @Field({
    nullable: true,
    description:
      'Only organizations that exported at least one shipment into this country (e.g. RU).',
  })
  @IsOptional()
  @IsCountryCode()
  shippedTo?: string;

  @Field({ nullable: true, defaultValue: false, description: 'Archived and merged ones too.' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilter)
  filter?: OrganizationFilter;

  @Field(() => OrganizationOrder, { defaultValue: OrganizationOrder.NAME })
  @IsOptional()
  @IsEnum(OrganizationOrder)
  orderBy: OrganizationOrder = OrganizationOrder.NAME;
}
