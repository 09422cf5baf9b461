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
import type { ComponentLoaders } from '../components/component.loaders.js';
import type { StrikeReportLoaders } from '../strikes/strike-report.loaders.js';
import type { WeaponSystemLoaders } from '../weapon-systems/weapon-system.loaders.js';
import { ComponentModel } from '../components/component.model.js';
import { StrikeReportModel } from '../strikes/strike-report.model.js';
import { Role } from '../auth/role.enum.js';
import { WeaponSystemModel } from '../weapon-systems/weapon-system.model.js';
import { RecordFindingInput, UpdateFindingInput } from './dto/finding.inputs.js';
import { FindingsArgs } from './dto/findings.args.js';
import { FindingConnection, FindingModel } from './finding.model.js';
import { FindingsService } from './findings.service.js';

@Resolver(() => FindingModel)
export class FindingsResolver {
  constructor(private readonly service: FindingsService) {}

  @Query(() => FindingConnection, { description: 'Findings, newest first.' })
  @Roles(Role.ANALYST)
  findings(@Args() args: FindingsArgs) {
    return this.service.list(args);
  }

  @Query(() => FindingModel, { nullable: true, description: 'A finding by id; null when unknown.' })
  @Roles(Role.ANALYST)
  finding(@Args('id', { type: () => ID }, ParseIdPipe) id: string) {
    return this.service.byId(id);
  }

  @Mutation(() => FindingModel, { description: 'Records a part recovered from a weapon.' })
  @Roles(Role.INVESTIGATOR)
  recordFinding(@Args('input') input: RecordFindingInput, @CurrentActor() actor: Actor) {
    return this.service.record(actor, input);
  }

  @Mutation(() => FindingModel, {
    description: 'Changes the fields given (null clears one); CONFLICT when the version is stale.',
  })
  @Roles(Role.INVESTIGATOR)
  updateFinding(@Args('input') input: UpdateFindingInput, @CurrentActor() actor: Actor) {
    return this.service.update(actor, input);
  }

  @ResolveField(() => ComponentModel)
  component(
    @Parent() f: FindingModel,
    @Context('loaders') loaders: ComponentLoaders & WeaponSystemLoaders & StrikeReportLoaders,
  ) {
    return loaders.componentById.load(f.componentId);
  }

  @ResolveField(() => WeaponSystemModel, { nullable: true })
  weaponSystem(
    @Parent() f: FindingModel,
    @Context('loaders') loaders: ComponentLoaders & WeaponSystemLoaders & StrikeReportLoaders,
  ) {
    return f.weaponSystemId ? loaders.weaponSystemById.load(f.weaponSystemId) : null;
  }

  @ResolveField(() => StrikeReportModel, { nullable: true })
  strikeReport(
    @Parent() f: FindingModel,
    @Context('loaders') loaders: ComponentLoaders & WeaponSystemLoaders & StrikeReportLoaders,
  ) {
    return f.strikeReportId ? loaders.strikeReportById.load(f.strikeReportId) : null;
  }
}
