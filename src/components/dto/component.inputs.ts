import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { IsHsCode, IsId, Trim } from '../../common/validators.js';
import { ComponentCategory } from '../component.enums.js';

@InputType()
export class CreateComponentInput {
  @Field(() => ID) @IsId() manufacturerId!: string;

  @Field({
    description: 'As the manufacturer writes it; normalized for matching (`TMS320F28335PGFA`).',
  })
  @Trim()
  @IsString()
  @Length(1, 100)
  partNumber!: string;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string;

  @Field(() => ComponentCategory, { nullable: true })
  @IsOptional()
  @IsEnum(ComponentCategory)
  category?: ComponentCategory;

  @Field({ nullable: true, description: '6-digit HS code; a new code of a real chapter is added.' })
  @IsOptional()
  @IsHsCode()
  hsCode?: string;
}

@InputType()
export class UpdateComponentInput {
  @Field(() => ID) @IsId() id!: string;
  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
  @Field({ nullable: true }) @IsOptional() @Trim() @IsString() @Length(1, 100) partNumber?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @Field(() => ComponentCategory, { nullable: true })
  @IsOptional()
  @IsEnum(ComponentCategory)
  category?: ComponentCategory;
  @Field({ nullable: true }) @IsOptional() @IsHsCode() hsCode?: string;
}

@InputType()
export class ArchiveComponentInput {
  @Field(() => ID) @IsId() id!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
}
