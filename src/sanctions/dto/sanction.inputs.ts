import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { IsCalendarDate, IsId, NotInFuture, Trim } from '../../common/validators.js';
import { SanctionAuthority } from '../sanction.enums.js';

@InputType()
export class AddSanctionInput {
  @Field(() => ID) @IsId() organizationId!: string;

  @Field(() => SanctionAuthority) @IsEnum(SanctionAuthority) authority!: SanctionAuthority;

  @Field(() => String, { nullable: true, description: 'The programme, e.g. RUSSIA-EO14024.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  program?: string | null;

  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  @IsCalendarDate()
  @NotInFuture()
  listedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, on or after listedOn; null while listed.',
  })
  @IsOptional()
  @IsCalendarDate()
  delistedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the listing is published.' })
  @IsOptional()
  @Trim()
  @IsUrl({ require_protocol: true }, { message: '$property must be a web address (https://…)' })
  @MaxLength(2000)
  referenceUrl?: string | null;
}
