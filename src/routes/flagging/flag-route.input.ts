import { Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsNumber,
  IsOptional,
  Length,
  Min,
} from 'class-validator';
import {
  IsCalendarDate,
  IsCountryCode,
  IsHsCode,
  IsId,
  NotInFuture,
  Trim,
} from '../../common/validators.js';

/** The most parties a route has: an origin party, three intermediaries, a destination. */
export const MAX_PARTIES = 5;

@InputType({
  description:
    'A route an investigator knows of: from shipments already recorded (`shipmentIds`), or, with no trade records, as a path of organizations (`partyIds`) with its goods. Exactly one of the two.',
})
export class FlagRouteInput {
  @Field(() => [ID], {
    nullable: true,
    description:
      'The shipments along the route, in order: each next one leaves the importer of the one before (several in a row may make the same hop). Their goods must be one part, or one HS code.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsId({ each: true })
  shipmentIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description:
      'The parties in order: the maker or supplier the goods came from (if known), one to three intermediaries, the party in a destination of concern last.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_PARTIES)
  @ArrayUnique()
  @IsId({ each: true })
  partyIds?: string[];

  @Field(() => ID, { nullable: true, description: 'With `partyIds`: the part, when it is known.' })
  @IsOptional()
  @IsId()
  componentId?: string;

  @Field({ nullable: true, description: 'With `partyIds`: the HS code, when no part is known.' })
  @IsOptional()
  @IsHsCode()
  hsCode?: string;

  @Field({
    nullable: true,
    description:
      'With `partyIds` starting at an intermediary: the coalition country the goods came from, if known.',
  })
  @IsOptional()
  @IsCountryCode()
  originCountry?: string;

  @Field({ nullable: true, description: 'With `partyIds`: when it began, if known (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  firstShippedOn?: string;

  @Field({
    nullable: true,
    description: 'With `partyIds`: when it last ran, if known (YYYY-MM-DD).',
  })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  lastShippedOn?: string;

  @Field(() => Float, {
    nullable: true,
    description: 'With `partyIds`: the value that reached the destination, in USD, if known.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  valueUsd?: number;

  @Field({
    description:
      'How the route is known: the report, leak, court filing or designation, and what it says.',
  })
  @Trim()
  @Length(1, 4000)
  note!: string;
}
