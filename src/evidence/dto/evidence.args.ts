import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import {
  EvidenceKind,
  EvidenceSourceType,
  EvidenceStatus,
  EvidenceSubjectType,
  SourceReliability,
} from '../evidence.enums.js';
import { IsId } from '../../common/validators.js';

@InputType()
export class EvidenceFilter {
  @Field(() => EvidenceKind, { nullable: true })
  @IsOptional()
  @IsEnum(EvidenceKind)
  kind?: EvidenceKind;
  @Field(() => EvidenceStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EvidenceStatus)
  status?: EvidenceStatus;
  @Field(() => EvidenceSourceType, { nullable: true })
  @IsOptional()
  @IsEnum(EvidenceSourceType)
  sourceType?: EvidenceSourceType;
  @Field({ nullable: true, description: 'Exact grade, e.g. `B2`.' })
  @IsOptional()
  @Matches(/^[A-F][1-6]$/, { message: 'grade must be a letter A–F and a digit 1–6, e.g. B2' })
  grade?: string;
  @Field(() => SourceReliability, {
    nullable: true,
    description: 'This reliability or better (A is best).',
  })
  @IsOptional()
  @IsEnum(SourceReliability)
  minReliability?: SourceReliability;
  @Field(() => Int, { nullable: true, description: 'This credibility or better (1 is best).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  maxCredibility?: number;
  @Field(() => EvidenceSubjectType, {
    nullable: true,
    description: 'With subjectId: evidence linked to it.',
  })
  @IsOptional()
  @IsEnum(EvidenceSubjectType)
  subjectType?: EvidenceSubjectType;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() subjectId?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Added at or after.' })
  @IsOptional()
  @IsDate()
  from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Added before.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class EvidenceRecordsArgs extends PageArgs {
  @Field(() => EvidenceFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceFilter)
  filter?: EvidenceFilter;
}
