import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { UserLoaders } from '../auth/user.loaders.js';
import {
  ApiKeysArgs,
  CreateApiKeyInput,
  RevokeApiKeyInput,
  UpdateUserInput,
} from './dto/api-key.inputs.js';
import { Role } from '../auth/role.enum.js';
import { UserModel } from '../auth/user.model.js';
import { ApiKeyConnection, ApiKeyModel, CreatedApiKeyModel, ViewerModel } from './api-key.model.js';
import { UsersService } from './users.service.js';

@Resolver(() => ApiKeyModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Query(() => ViewerModel, { description: 'Who you are: the user of your API key, and its role.' })
  @Roles(Role.ANALYST)
  me(@CurrentUser() user: AuthUser): ViewerModel {
    return { email: user.email, role: user.role };
  }

  @Query(() => ApiKeyConnection, { description: 'API keys, newest first.' })
  @Roles(Role.ADMIN)
  apiKeys(@Args() args: ApiKeysArgs) {
    return this.users.listApiKeys(args);
  }

  @Mutation(() => CreatedApiKeyModel, { description: 'A new key; its secret is shown once.' })
  @Roles(Role.ADMIN)
  createApiKey(
    @Args('input') input: CreateApiKeyInput,
    @CurrentActor() actor: Actor,
    @CurrentUser() caller: AuthUser,
  ) {
    return this.users.createApiKey(actor, input, caller.role);
  }

  @Mutation(() => ApiKeyModel, { description: 'Revokes a key at once.' })
  @Roles(Role.ADMIN)
  revokeApiKey(@Args('input') input: RevokeApiKeyInput, @CurrentActor() actor: Actor) {
    return this.users.revokeApiKey(actor, input.id);
  }

  @Mutation(() => UserModel, { description: 'Renames, changes the role of, or disables a user.' })
  @Roles(Role.ADMIN)
  updateUser(@Args('input') input: UpdateUserInput, @CurrentActor() actor: Actor) {
    return this.users.updateUser(actor, input);
  }

  @ResolveField(() => UserModel)
  user(@Parent() key: ApiKeyModel, @Context('loaders') loaders: UserLoaders) {
    return loaders.userById.load(key.userId);
  }
}
