import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { IsCalendarDate, IsCountryCode, IsId } from '../../common/validators.js';
import '../../reference/reference.model.js'; // registers ChplTier
import { ChplTier } from '../../reference/reference.enums.js';
import { RouteSource, RouteStatus } from '../route.enums.js';
import '../route.model.js'; // registers RouteStatus and RouteSource

export enum RouteOrder {
  SCORE = 'SCORE',
  VALUE = 'VALUE',
  LAST_SHIPPED = 'LAST_SHIPPED',
}
registerEnumType(RouteOrder, {
  name: 'RouteOrder',
  description:
    'SCORE: highest score first (the default); VALUE: highest value first; LAST_SHIPPED: latest last leg first, routes without dates last.',
});

/** Where an organization stands on a route. */
export enum RoutePartyRole {
  ORIGIN = 'ORIGIN',
  INTERMEDIARY = 'INTERMEDIARY',
  DESTINATION = 'DESTINATION',
}
registerEnumType(RoutePartyRole, {
  name: 'RoutePartyRole',
  description:
    'ORIGIN: the maker or supplier the route starts from; INTERMEDIARY: a party between; DESTINATION: the party the goods reach.',
});

@InputType()
export class RouteFilter {
  @Field(() => RouteStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RouteStatus)
  status?: RouteStatus;

  @Field(() => Int, { nullable: true, description: 'Score at least this (0–100).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  minScore?: number;

  @Field({
    nullable: true,
    description: 'An intermediary of the route is in this country (ISO 3166-1 alpha-2).',
  })
  @IsOptional()
  @IsCountryCode()
  intermediaryCountry?: string;

  @Field({
    nullable: true,
    description: 'The destination party is in this country (ISO 3166-1 alpha-2).',
  })
  @IsOptional()
  @IsCountryCode()
  destinationCountry?: string;

  @Field(() => ChplTier, {
    nullable: true,
    description:
      "The goods are in this tier of the Common High Priority List: the part's HS code, else the route's.",
  })
  @IsOptional()
  @IsEnum(ChplTier)
  chplTier?: ChplTier;

  @Field(() => ID, { nullable: true, description: 'Routes of this part.' })
  @IsOptional()
  @IsId()
  componentId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Routes of parts made by this manufacturer or a company in its lineage (Texas Instruments includes National Semiconductor). Routes of an HS code only do not match.',
  })
  @IsOptional()
  @IsId()
  manufacturerId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organization stands anywhere on the route: origin, intermediary or destination.',
  })
  @IsOptional()
  @IsId()
  organizationId?: string;

  @Field({
    nullable: true,
    description: 'The route was still shipping on or after this day (its last leg, YYYY-MM-DD).',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field({
    nullable: true,
    description: 'The route had begun on or before this day (its first leg, YYYY-MM-DD).',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @Field(() => RouteSource, { nullable: true })
  @IsOptional()
  @IsEnum(RouteSource)
  source?: RouteSource;
}

@ArgsType()
export class RoutesArgs extends PageArgs {
  @Field(() => RouteFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RouteFilter)
  filter?: RouteFilter;

  @Field(() => RouteOrder, { nullable: true, defaultValue: RouteOrder.SCORE })
  @IsOptional()
  @IsEnum(RouteOrder)
  orderBy?: RouteOrder;
}

/** `organization.routes`: a page, and where the organization stands. */
@ArgsType()
export class PartyRoutesArgs extends PageArgs {
  @Field(() => RoutePartyRole, {
    nullable: true,
    description: 'Only the routes where it stands so; all of them when omitted.',
  })
  @IsOptional()
  @IsEnum(RoutePartyRole)
  role?: RoutePartyRole;
}
