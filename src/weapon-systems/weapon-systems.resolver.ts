import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ParseIdPipe } from '../common/graphql/parse-id.pipe.js';
import type { Loaders } from '../common/loaders.js';
import { ComponentModel } from '../components/component.model.js';
import { Role } from '../users/role.enum.js';
import { CreateWeaponSystemInput } from './dto/weapon-system.inputs.js';
import { BillOfMaterialsItemModel, WeaponSystemModel } from './weapon-system.model.js';
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

  @ResolveField(() => [BillOfMaterialsItemModel], {
    description:
      'The components found in this weapon system: most often found first, then by part number.',
  })
  billOfMaterials(@Parent() w: WeaponSystemModel, @Context('loaders') loaders: Loaders) {
    return loaders.billOfMaterialsByWeaponSystem.load(w.id);
  }
}

@Resolver(() => BillOfMaterialsItemModel)
export class BillOfMaterialsItemResolver {
  @ResolveField(() => ComponentModel)
  component(@Parent() item: BillOfMaterialsItemModel, @Context('loaders') loaders: Loaders) {
    return loaders.componentById.load(item.componentId);
  }
}
