import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import {
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsId, NotInFuture, Trim } from '../../common/validators.js';
import {
  CustodyAction,
  EvidenceKind,
  EvidenceSourceType,
  EvidenceStatus,
  EvidenceSubjectType,
  SourceReliability,
} from '../evidence.enums.js';

const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };

@InputType()
class EvidenceFields {
  @Field(() => EvidenceKind, { nullable: true })
  @IsOptional()
  @IsEnum(EvidenceKind)
  kind?: EvidenceKind;
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  sourceOrganization?: string;
  @Field(() => EvidenceSourceType, { nullable: true })
  @IsOptional()
  @IsEnum(EvidenceSourceType)
  sourceType?: EvidenceSourceType;
  @Field({ nullable: true }) @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(2000) sourceUrl?: string;
  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  @NotInFuture()
  retrievedAt?: Date;
  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  archivedUrl?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) method?: string;
  @Field(() => SourceReliability, { nullable: true })
  @IsOptional()
  @IsEnum(SourceReliability)
  sourceReliability?: SourceReliability;
  @Field(() => Int, { nullable: true, description: '1 (confirmed) to 6 (cannot be judged).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  informationCredibility?: number;
}

@InputType()
export class AddEvidenceInput extends EvidenceFields {
  @Field() @Trim() @IsString() @Length(1, 500) title!: string;
}

@InputType()
export class UpdateEvidenceInput extends EvidenceFields {
  @Field(() => ID) @IsId() id!: string;
  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
  @Field({ nullable: true }) @IsOptional() @Trim() @IsString() @Length(1, 500) title?: string;
}

@InputType()
export class SetEvidenceStatusInput {
  @Field(() => ID) @IsId() id!: string;
  @Field(() => EvidenceStatus) @IsEnum(EvidenceStatus) status!: EvidenceStatus;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@InputType()
export class LinkEvidenceInput {
  @Field(() => ID) @IsId() evidenceId!: string;
  @Field(() => EvidenceSubjectType) @IsEnum(EvidenceSubjectType) subjectType!: EvidenceSubjectType;
  @Field(() => ID) @IsId() subjectId!: string;
  @Field({ nullable: true, description: 'What the evidence shows about the subject.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  claim?: string;
}

@InputType()
export class CorroborateEvidenceInput {
  @Field(() => ID) @IsId() evidenceId!: string;
  @Field(() => ID) @IsId() otherEvidenceId!: string;
  @Field({ description: 'Do both come from the same origin (the same wreckage, the same leak)?' })
  @IsBoolean()
  sharedOrigin!: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** What people record by hand; COLLECTED, FILE_STORED and HASH_VERIFIED are recorded by the service. */
export const MANUAL_CUSTODY_ACTIONS = [
  CustodyAction.TRANSFERRED,
  CustodyAction.COPIED,
  CustodyAction.ANALYZED,
  CustodyAction.RELEASED,
];

@InputType()
export class RecordCustodyEventInput {
  @Field(() => ID) @IsId() evidenceId!: string;
  @Field(() => CustodyAction, { description: 'TRANSFERRED, COPIED, ANALYZED or RELEASED.' })
  @IsIn(MANUAL_CUSTODY_ACTIONS, {
    message: 'action must be TRANSFERRED, COPIED, ANALYZED or RELEASED',
  })
  action!: CustodyAction;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@InputType()
export class VerifyEvidenceFileInput {
  @Field(() => ID) @IsId() evidenceId!: string;
  @Field() @IsString() @Length(64, 64) sha256!: string;
}
