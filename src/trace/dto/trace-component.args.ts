import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/validators.js';

/** Exactly one of the two (the service checks). */
@ArgsType()
export class TraceComponentArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'A part number, or a marking as printed on the part (`TMS320 F28335PGFA`, `TMS320F28335PGFA G4A-17CHCHW`, `Winbond 25Q16JVIQ 2217`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  partNumber?: string | null;

  @Field(() => ID, { nullable: true, description: 'The component, by id.' })
  @IsOptional()
  @IsId()
  componentId?: string | null;
}
