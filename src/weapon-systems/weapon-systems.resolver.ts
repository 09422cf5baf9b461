import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ParseIdPipe } from '../common/graphql/parse-id.pipe.js';
import { Role } from '../auth/role.enum.js';
import { CreateWeaponSystemInput } from './dto/weapon-system.inputs.js';
import { WeaponSystemModel } from './weapon-system.model.js';
import { WeaponSystemsService } from './weapon-systems.service.js';

@Resolver(() => WeaponSystemModel)
export class WeaponSystemsResolver {
  constructor(private readonly service: WeaponSystemsService) {}

  @Query(() => [WeaponSystemModel], { description: 'Every weapon system, in name order.' })
  @Roles(Role.ANALYST)
  weaponSystems() {
    return this.service.list();
  }

  @Query(() => WeaponSystemModel, {
    nullable: true,
    description: 'A weapon system by id; null when unknown.',
  })
  @Roles(Role.ANALYST)
  weaponSystem(@Args('id', { type: () => ID }, ParseIdPipe) id: string) {
    return this.service.byId(id);
  }

  @Mutation(() => WeaponSystemModel)
  @Roles(Role.INVESTIGATOR)
  createWeaponSystem(@Args('input') input: CreateWeaponSystemInput, @CurrentActor() actor: Actor) {
    return this.service.create(actor, input);
  }
}
