import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsId, NotInFuture, Trim } from '../../common/validators.js';
import { VerificationStatus } from '../finding.enums.js';

/** What was recovered and where; all optional (null clears a field on update). */
@InputType({ isAbstract: true })
abstract class FindingFields {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() weaponSystemId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() strikeReportId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The airframe or sample the part came from (`geran2-1276`).',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  sampleRef?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The marking exactly as read off the part; kept as given, spaces and all.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  marking?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 40)
  dateCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 80)
  lotCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 120)
  serial?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future.' })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  recoveredOn?: string | null;
}

@InputType()
export class RecordFindingInput extends FindingFields {
  @Field(() => ID, { description: 'The part type found; it must not be archived.' })
  @IsId()
  componentId!: string;

  @Field(() => VerificationStatus, { nullable: true, description: 'REPORTED when not given.' })
  @IsOptional()
  @IsEnum(VerificationStatus)
  verificationStatus?: VerificationStatus;
}

@InputType()
export class UpdateFindingInput extends FindingFields {
  @Field(() => ID) @IsId() id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ID, { nullable: true, description: 'Another part type; not an archived one.' })
  @ValidateIf((_, value) => value !== undefined)
  @IsId()
  componentId?: string;

  @Field(() => VerificationStatus, {
    nullable: true,
    description: 'e.g. VERIFIED once confirmed, RETRACTED when withdrawn.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsEnum(VerificationStatus)
  verificationStatus?: VerificationStatus;
}
