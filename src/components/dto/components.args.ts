import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { ComponentCategory } from '../component.enums.js';

@InputType()
export class ComponentFilter {
  @Field({
    nullable: true,
    description: 'Part number or part of it; spaces and punctuation are ignored (`tms320 f28335`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  manufacturerId?: string;

  @Field(() => ComponentCategory, { nullable: true })
  @IsOptional()
  @IsEnum(ComponentCategory)
  category?: ComponentCategory;
}

@ArgsType()
export class ComponentsArgs extends PageArgs {
  @Field(() => ComponentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComponentFilter)
  filter?: ComponentFilter;
}
