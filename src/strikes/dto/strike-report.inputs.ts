import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import {
  IsDate,
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
import { IsCountryCode, IsId, NotInFuture, Trim } from '../../common/validators.js';

/** The facts of a strike report, all but its time optional (null clears a field on update). */
@InputType({ isAbstract: true })
abstract class StrikeReportFields {
  @Field(() => String, { nullable: true, description: 'Town or place (`Odesa`).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'Region (`Odesa Oblast`).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  adminArea?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsCountryCode()
  country?: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 degrees, -90 to 90; with longitude.' })
  @IsOptional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'WGS 84 degrees, -180 to 180; with latitude.',
  })
  @IsOptional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() weaponSystemId?: string | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) munitionsCount?:
    number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) killed?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) injured?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  summary?: string | null;
}

@InputType()
export class ReportStrikeInput extends StrikeReportFields {
  @Field(() => DateTimeScalar, { description: 'When it happened; not in the future.' })
  @IsDate()
  @NotInFuture()
  occurredAt!: Date;
}

@InputType()
export class UpdateStrikeReportInput extends StrikeReportFields {
  @Field(() => ID) @IsId() id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Not in the future.' })
  @ValidateIf((_, value) => value !== undefined)
  @IsDate()
  @NotInFuture()
  occurredAt?: Date;
}
