import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ApiKeyEntity } from './api-key.entity.js';
import type { AppUserEntity } from './app-user.entity.js';
import { Role } from './role.enum.js';

registerEnumType(Role, {
  name: 'Role',
  description:
    'ANALYST < COMPLIANCE < INVESTIGATOR < ADMIN: each role includes the ones before it.',
});

@ObjectType('Viewer', { description: 'The caller: the user of the API key, with the key’s role.' })
export class ViewerModel {
  @Field() email!: string;
  @Field(() => Role) role!: Role;
}

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => Role, { description: 'The highest role granted to this user’s keys.' }) role!: Role;
  @Field(() => GraphQLISODateTime, { nullable: true }) disabledAt!: Date | null;
  @Field(() => Int) version!: number;

  static from = (e: AppUserEntity): UserModel =>
    Object.assign(new UserModel(), {
      id: e.id,
      email: e.email,
      name: e.name,
      role: e.role,
      disabledAt: e.disabledAt,
      version: e.version,
    });
}

@ObjectType('ApiKey', {
  description: 'An API key; its secret is shown only once, when it is created.',
})
export class ApiKeyModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'The first characters of the key, to recognise it.' }) prefix!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
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
