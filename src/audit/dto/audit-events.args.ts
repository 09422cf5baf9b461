import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { Type } from 'class-transformer';
import { IsDate, IsEmail, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { IsId } from '../../common/validators.js';

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() actorId?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() actorEmail?: string;
  @Field({ nullable: true, description: 'e.g. `apiKey.create`' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
  @Field({ nullable: true, description: 'e.g. `apiKey`, `organization`' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  subjectType?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() subjectId?: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'From this time on (inclusive).',
  })
  @IsOptional()
  @IsDate()
  from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Before this time (exclusive).' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilter)
  filter?: AuditFilter;
}
