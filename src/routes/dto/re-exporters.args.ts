import { ArgsType, Field, InputType, PickType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { IsCountryCode } from '../../common/validators.js';
import { RouteFilter } from './routes.args.js';

/**
 * Which routes count for `reExporters`: the routes list's own filters (the same fields, checked
 * the same way), and the re-exporter's country.
 */
@InputType()
export class ReExporterFilter extends PickType(
  RouteFilter,
  ['status', 'minScore', 'chplTier', 'destinationCountry', 'from', 'to'] as const,
  InputType,
) {
  @Field({
    nullable: true,
    description: 'The re-exporter (the intermediary) is in this country (ISO 3166-1 alpha-2).',
  })
  @IsOptional()
  @IsCountryCode()
  country?: string;
}

@ArgsType()
export class ReExportersArgs extends PageArgs {
  @Field(() => ReExporterFilter, {
    nullable: true,
    description: 'Selects the routes that count: every figure is over the routes that pass it.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReExporterFilter)
  filter?: ReExporterFilter;
}
