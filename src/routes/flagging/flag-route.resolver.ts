import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/auth-user.js';
import { CurrentActor } from '../../auth/current-user.decorator.js';
import { Role } from '../../auth/role.enum.js';
import { Roles } from '../../auth/roles.decorator.js';
import { RouteModel } from '../route.model.js';
import { FlagRouteInput } from './flag-route.input.js';
import { FlagRouteService } from './flag-route.service.js';

@Resolver()
export class FlagRouteResolver {
  constructor(private readonly flagging: FlagRouteService) {}

  @Mutation(() => RouteModel, {
    description:
      'Records a re-export route an investigator knows of (source MANUAL), from shipments or as a path of organizations with its goods; scored by the red-flag catalogue as far as its data allows. CONFLICT naming the route when the same path and goods are already one.',
  })
  @Roles(Role.INVESTIGATOR)
  flagRoute(@Args('input') input: FlagRouteInput, @CurrentActor() actor: Actor) {
    return this.flagging.flag(actor, input);
  }
}
