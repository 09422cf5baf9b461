import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { IsCalendarDate, IsId } from '../../common/validators.js';
import { SanctionAuthority } from '../sanction.enums.js';

@InputType()
export class SanctionFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() organizationId?: string;

  @Field(() => SanctionAuthority, { nullable: true })
  @IsOptional()
  @IsEnum(SanctionAuthority)
  authority?: SanctionAuthority;

  @Field({
    nullable: true,
    description: 'YYYY-MM-DD: listings in force that day (listed on or before, not yet delisted).',
  })
  @IsOptional()
  @IsCalendarDate()
  activeOn?: string;
}

@ArgsType()
export class SanctionsArgs extends PageArgs {
  @Field(() => SanctionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SanctionFilter)
  filter?: SanctionFilter;
}
