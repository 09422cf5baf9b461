import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { Connection } from '../common/graphql/connection.js';
import type { ApiKeyEntity } from '../auth/api-key.entity.js';
import { Role } from '../auth/role.enum.js';

@ObjectType('Viewer', {
  description: 'The caller: the user of the API key, and the role requests act with.',
})
export class ViewerModel {
  @Field() email!: string;
  @Field(() => Role, {
    description: 'The lower of the key’s role and its user’s current role.',
  })
  role!: Role;
}

@ObjectType('ApiKey', {
  description: 'An API key; its secret is shown only once, when it is created.',
})
export class ApiKeyModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'The first characters of the key, to recognise it.' }) prefix!: string;
  @Field(() => Role, {
    description:
      'The role the key was made with. Requests act with the lower of this and its user’s current role.',
  })
  role!: Role;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: Date | null;
  userId!: string;

  static from = (e: ApiKeyEntity): ApiKeyModel =>
    Object.assign(new ApiKeyModel(), {
      id: e.id,
      prefix: e.prefix,
      role: e.role,
      label: e.label,
      createdAt: e.createdAt,
      lastUsedAt: e.lastUsedAt,
      revokedAt: e.revokedAt,
      userId: e.userId,
    });
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyModel {
  @Field({
    description: 'The key to send as `Authorization: Bearer <secret>`. Shown once: keep it.',
  })
  secret!: string;
  @Field(() => ApiKeyModel) apiKey!: ApiKeyModel;
}

@ObjectType()
export class ApiKeyConnection extends Connection(ApiKeyModel, 'ApiKey') {}
