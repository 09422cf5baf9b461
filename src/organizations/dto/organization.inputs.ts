import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';
import { IsCalendarDate, IsCountryCode, IsId, NotInFuture, Trim } from '../../common/validators.js';
import { OrganizationRole } from '../organization.enums.js';

const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v))
    : value;

/** Set when given: `null` is refused (the column is not nullable), `undefined` leaves it alone. */
const IfGiven = () => ValidateIf((_: object, value: unknown) => value !== undefined);

const REGISTER = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * `{ "ru_inn": "7701234567", "hk_cr": "1234567" }`: at most 20 registers, each named in lower snake
 * case, each number a non-empty string of at most 100 characters.
 */
export function IsRegistrationIds(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isRegistrationIds',
      target: target.constructor,
      propertyName,
      options: {
        message:
          '$property must be an object of at most 20 registers (lower_snake_case names, e.g. ru_inn) to non-empty strings of at most 100 characters',
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= 20 &&
            entries.every(
              ([k, v]) =>
                REGISTER.test(k) && typeof v === 'string' && v.trim().length > 0 && v.length <= 100,
            )
          );
        },
      },
    });
}

const trimValues = ({ value }: { value: unknown }) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
      )
    : value;

@InputType()
export class CreateOrganizationInput {
  @Field() @Trim() @IsString() @Length(1, 300) name!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names, including in other scripts.',
  })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsCountryCode()
  country?: string | null;

  @Field(() => [OrganizationRole], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(OrganizationRole, { each: true })
  roles?: OrganizationRole[];

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Registration numbers by register: `{ "ru_inn": "7701234567" }`.',
  })
  @IsOptional()
  @Transform(trimValues)
  @IsRegistrationIds()
  registrationIds?: Record<string, string>;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 1000)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsUrl({}, { message: '$property must be a web address' })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future.' })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  incorporatedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Corporate parent.' })
  @IsOptional()
  @IsId()
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The company that took this one over.' })
  @IsOptional()
  @IsId()
  successorId?: string | null;
}

@InputType({ description: 'Fields left out are unchanged; `null` clears an optional one.' })
export class UpdateOrganizationInput {
  @Field(() => ID) @IsId() id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ nullable: true }) @IfGiven() @Trim() @IsString() @Length(1, 300) name?: string;

  @Field(() => [String], { nullable: true, description: 'Replaces the aliases.' })
  @IfGiven()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  aliases?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCountryCode()
  country?: string | null;

  @Field(() => [OrganizationRole], { nullable: true, description: 'Replaces the roles.' })
  @IfGiven()
  @IsArray()
  @ArrayUnique()
  @IsEnum(OrganizationRole, { each: true })
  roles?: OrganizationRole[];

  @Field(() => GraphQLJSON, { nullable: true, description: 'Replaces the registration ids.' })
  @IfGiven()
  @Transform(trimValues)
  @IsRegistrationIds()
  registrationIds?: Record<string, string>;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 1000)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsUrl({}, { message: '$property must be a web address' })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  incorporatedOn?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() parentId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() successorId?: string | null;
}

@InputType()
export class ArchiveOrganizationInput {
  @Field(() => ID) @IsId() id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType({
  description:
    'Merges a duplicate record into the one kept: every reference moves to the kept one, and the duplicate is archived.',
})
export class MergeOrganizationsInput {
  @Field(() => ID, { description: 'The organization that stays.' }) @IsId() keepId!: string;
  @Field(() => ID, { description: 'The duplicate, archived by the merge.' })
  @IsId()
  duplicateId!: string;
}
