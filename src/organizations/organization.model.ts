import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationRole } from './organization.enums.js';
import type { OrganizationEntity } from './organization.entity.js';

registerEnumType(OrganizationRole, { name: 'OrganizationRole' });

@ObjectType('Organization', {
  description:
    'A legal entity: manufacturer, distributor, trader, forwarder, importer, end user, weapons producer.',
})
export class OrganizationModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [String], { description: 'Other names, including in other scripts.' })
  aliases!: string[];
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country of the entity.' })
  country!: string | null;
  @Field(() => [OrganizationRole]) roles!: OrganizationRole[];
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { nullable: true, description: 'Date of incorporation (YYYY-MM-DD).' })
  incorporatedOn!: string | null;
  @Field({ description: 'True for generated demo or benchmark records, which are not facts.' })
  synthetic!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => Date, { nullable: true }) archivedAt!: Date | null;
  parentId!: string | null;
  successorId!: string | null;

  static from = (e: OrganizationEntity): OrganizationModel =>
    Object.assign(new OrganizationModel(), {
      id: e.id,
      name: e.name,
      aliases: e.aliases,
      country: e.country,
      roles: e.roles,
      address: e.address,
      website: e.website,
      incorporatedOn: e.incorporatedOn,
      synthetic: e.synthetic,
      version: e.version,
      archivedAt: e.archivedAt,
      parentId: e.parentId,
      successorId: e.successorId,
    });
}
