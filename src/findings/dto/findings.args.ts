import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { IsCalendarDate, IsCountryCode, IsId } from '../../common/validators.js';
import { VerificationStatus } from '../finding.enums.js';

@InputType()
export class FindingFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() componentId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() weaponSystemId?: string;

  @Field({
    nullable: true,
    description: "ISO 3166-1 alpha-2 home country of the component's manufacturer.",
  })
  @IsOptional()
  @IsCountryCode()
  manufacturerCountry?: string;

  @Field(() => VerificationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(VerificationStatus)
  verificationStatus?: VerificationStatus;

  @Field({ nullable: true, description: 'Recovered on or after this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field({ nullable: true, description: 'Recovered on or before this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

@ArgsType()
export class FindingsArgs extends PageArgs {
  @Field(() => FindingFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FindingFilter)
  filter?: FindingFilter;
}
