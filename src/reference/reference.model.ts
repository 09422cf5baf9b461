import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/graphql/connection.js';
import type { CountryEntity } from './country.entity.js';
import type { HsCodeEntity } from './hs-code.entity.js';
import { ChplTier, CountryRiskGroup } from './reference.enums.js';

registerEnumType(ChplTier, {
  name: 'ChplTier',
  description: 'Tier on the Common High Priority List (BIS, EU, UK, Japan; February 2024).',
});
registerEnumType(CountryRiskGroup, {
  name: 'CountryRiskGroup',
  description:
    'PARTNER: sanctions coalition; TRANSSHIPMENT: known re-export hub; DESTINATION_OF_CONCERN: RU, BY, IR, KP.',
});

@ObjectType('Country')
export class CountryModel {
  @Field({ description: 'ISO 3166-1 alpha-2.' }) code!: string;
  @Field() name!: string;
  @Field(() => CountryRiskGroup) riskGroup!: CountryRiskGroup;
  @Field(() => String, { nullable: true, description: 'Why it is in its risk group.' })
  riskBasis!: string | null;

  static from = (e: CountryEntity): CountryModel =>
    Object.assign(new CountryModel(), {
      code: e.code,
      name: e.name,
      riskGroup: e.riskGroup,
      riskBasis: e.riskBasis,
    });
}

@ObjectType('HsCode')
export class HsCodeModel {
  @Field({ description: '6-digit Harmonized System code.' }) code!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => ChplTier, { nullable: true }) chplTier!: ChplTier | null;

  static from = (e: HsCodeEntity): HsCodeModel =>
    Object.assign(new HsCodeModel(), {
      code: e.code,
      description: e.description,
      chplTier: e.chplTier,
    });
}

@ObjectType()
export class HsCodeConnection extends Connection(HsCodeModel, 'HsCode') {}

@ObjectType()
export class CountryConnection extends Connection(CountryModel, 'Country') {}
