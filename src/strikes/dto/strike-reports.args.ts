import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { IsId, Trim } from '../../common/validators.js';

@InputType()
export class StrikeReportFilter {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Strikes that occurred at or after this time.',
  })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Strikes that occurred before this time (exclusive).',
  })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field({ nullable: true, description: 'Exactly this region (`Odesa Oblast`).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  adminArea?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() weaponSystemId?: string;
}

@ArgsType()
export class StrikeReportsArgs extends PageArgs {
  @Field(() => StrikeReportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StrikeReportFilter)
  filter?: StrikeReportFilter;
}
