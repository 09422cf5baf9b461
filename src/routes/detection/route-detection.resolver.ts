import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/auth-user.js';
import { CurrentActor } from '../../auth/current-user.decorator.js';
import { Role } from '../../auth/role.enum.js';
import { Roles } from '../../auth/roles.decorator.js';
import { DetectRoutesInput } from './dto/detect-routes.input.js';
import { RouteDetectionResultModel } from './route-detection.model.js';
import { RouteDetectionService } from './route-detection.service.js';

@Resolver()
export class RouteDetectionResolver {
  constructor(private readonly detection: RouteDetectionService) {}

  @Mutation(() => RouteDetectionResultModel, {
    description:
      'Finds the re-export routes in the trade data, scores them with the red-flag catalogue and stores them, keeping their reviews. CONFLICT while another run is under way.',
  })
  @Roles(Role.COMPLIANCE)
  detectRoutes(
    @Args('input', { nullable: true, defaultValue: {} }) input: DetectRoutesInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.detection.detect(actor, { full: Boolean(input.full) });
  }
}
