import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import type { AppUserEntity } from './app-user.entity.js';
import { Role } from './role.enum.js';

registerEnumType(Role, {
  name: 'Role',
  description:
    'ANALYST < COMPLIANCE < INVESTIGATOR < ADMIN: each role includes the ones before it.',
});

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => Role, { description: 'The highest role granted to this user’s keys.' }) role!: Role;
  @Field(() => DateTimeScalar, { nullable: true }) disabledAt!: Date | null;
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
