import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { Connection } from '../common/graphql/connection.js';
import { GraphQLJSON } from 'graphql-type-json';
import { OrganizationRole } from './organization.enums.js';
import type { OrganizationEntity } from './organization.entity.js';

registerEnumType(OrganizationRole, { name: 'OrganizationRole' });

export enum OrganizationOrder {
  NAME = 'NAME',
  NEWEST = 'NEWEST',
}

registerEnumType(OrganizationOrder, {
  name: 'OrganizationOrder',
  description: 'NAME: by name (the default); NEWEST: most recently added first.',
});

@ObjectType('Organization', {
  description:
    'A legal entity: manufacturer, distributor, trader, forwarder, importer, end user, weapons producer.',
})
export class OrganizationModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({
    description:
      'Lower case, unaccented, punctuation and legal forms removed: what matching compares.',
  })
  normalizedName!: string;
  @Field(() => [String], { description: 'Other names, including in other scripts.' })
  aliases!: string[];
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country of the entity.' })
  country!: string | null;
  @Field(() => [OrganizationRole]) roles!: OrganizationRole[];
  @Field(() => GraphQLJSON, {
    description:
      'Registration numbers by register: `{ "ru_inn": "7701234567", "hk_cr": "1234567" }`.',
  })
  registrationIds!: Record<string, string>;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { nullable: true, description: 'Date of incorporation (YYYY-MM-DD).' })
  incorporatedOn!: string | null;
  @Field({ description: 'True for generated demo or benchmark records, which are not facts.' })
  synthetic!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was archived (or merged into another); archived ones leave the lists.',
  })
  archivedAt!: Date | null;
  parentId!: string | null;
  successorId!: string | null;

  static from = (e: OrganizationEntity): OrganizationModel =>
    Object.assign(new OrganizationModel(), {
      id: e.id,
      name: e.name,
      normalizedName: e.normalizedName,
      aliases: e.aliases,
      country: e.country,
      roles: e.roles,
      registrationIds: e.registrationIds,
      address: e.address,
      website: e.website,
      incorporatedOn: e.incorporatedOn,
      synthetic: e.synthetic,
      version: e.version,
      createdAt: e.createdAt,
      archivedAt: e.archivedAt,
      parentId: e.parentId,
      successorId: e.successorId,
    });
}

@ObjectType()
export class OrganizationConnection extends Connection(OrganizationModel, 'Organization') {}
