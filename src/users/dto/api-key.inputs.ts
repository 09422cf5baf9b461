import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { Role } from '../../auth/role.enum.js';
import { IsId } from '../../common/validators.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'The user; created when new.' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field(() => Role) @IsEnum(Role) role!: Role;

  @Field({ nullable: true, description: 'What the key is for, to recognise it later.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID) @IsId() id!: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) @IsId() id!: string;
  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role) role?: Role;
  @Field({ nullable: true, description: 'true: every key of the user stops working.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

@InputType()
export class ApiKeyFilter {
  @Field({ nullable: true }) @IsOptional() @IsEmail() email?: string;
  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  includeRevoked?: boolean;
}

@ArgsType()
export class ApiKeysArgs extends PageArgs {
  @Field(() => ApiKeyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApiKeyFilter)
  filter?: ApiKeyFilter;
}
