import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { Connection } from '../common/graphql/connection.js';
import type { SanctionEntity } from './sanction.entity.js';
import { SanctionAuthority } from './sanction.enums.js';

registerEnumType(SanctionAuthority, {
  name: 'SanctionAuthority',
  description:
    'Who listed it: US-OFAC-SDN, US-BIS-ENTITY, EU, UK, JP, CA, CH, UA (dashes written as underscores).',
});

@ObjectType('Sanction', { description: 'A listing of an organization by one authority.' })
export class SanctionModel {
  @Field(() => ID) id!: string;
  @Field(() => SanctionAuthority) authority!: SanctionAuthority;
  @Field(() => String, { nullable: true, description: 'The programme, e.g. RUSSIA-EO14024.' })
  program!: string | null;
  @Field({ description: 'YYYY-MM-DD.' }) listedOn!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while listed.' })
  delistedOn!: string | null;
  @Field(() => String, { nullable: true }) referenceUrl!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
  organizationId!: string;

  static from = (e: SanctionEntity): SanctionModel =>
    Object.assign(new SanctionModel(), {
      id: e.id,
      authority: e.authority,
      program: e.program,
      listedOn: e.listedOn,
      delistedOn: e.delistedOn,
      referenceUrl: e.referenceUrl,
      version: e.version,
      createdAt: e.createdAt,
      organizationId: e.organizationId,
    });
}

@ObjectType()
export class SanctionConnection extends Connection(SanctionModel, 'Sanction') {}
