import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { IsCountryCode, Trim } from '../../common/validators.js';
import { WeaponType } from '../weapon-system.enums.js';

const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v))
    : value;

@InputType()
export class CreateWeaponSystemInput {
  @Field({ description: 'Unique (`Shahed-136`); a name already taken, in any case, is CONFLICT.' })
  @Trim()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other designations (`Geran-2`).' })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  designations?: string[];

  @Field(() => WeaponType, { nullable: true, description: 'OTHER when not given.' })
  @IsOptional()
  @IsEnum(WeaponType)
  type?: WeaponType;

  @Field({ nullable: true }) @IsOptional() @IsCountryCode() designCountry?: string;
  @Field({ nullable: true }) @IsOptional() @IsCountryCode() productionCountry?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
}
