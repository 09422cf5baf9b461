import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { Connection } from '../common/graphql/connection.js';
import { GraphQLJSON } from 'graphql-type-json';
import type { AuditEventEntity } from './audit-event.entity.js';

@ObjectType('AuditEvent', { description: 'One change, recorded in the transaction that made it.' })
export class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) at!: Date;
  @Field({ description: '`<subject>.<verb>`, e.g. `apiKey.create`.' }) action!: string;
  @Field(() => String, { nullable: true }) subjectType!: string | null;
  @Field(() => ID, { nullable: true }) subjectId!: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSON, { nullable: true }) after!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  actorId!: string | null;

  static from = (e: AuditEventEntity): AuditEventModel =>
    Object.assign(new AuditEventModel(), {
      id: e.id,
      at: e.at,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
      actorId: e.actorId,
    });
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEventModel, 'AuditEvent') {}
