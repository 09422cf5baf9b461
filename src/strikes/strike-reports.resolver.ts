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
import { Role } from '../auth/role.enum.js';
import type { WeaponSystemLoaders } from '../weapon-systems/weapon-system.loaders.js';
import { WeaponSystemModel } from '../weapon-systems/weapon-system.model.js';
import { ReportStrikeInput, UpdateStrikeReportInput } from './dto/strike-report.inputs.js';
import { StrikeReportsArgs } from './dto/strike-reports.args.js';
import { StrikeReportConnection, StrikeReportModel } from './strike-report.model.js';
import { StrikeReportsService } from './strike-reports.service.js';

@Resolver(() => StrikeReportModel)
export class StrikeReportsResolver {
  constructor(private readonly service: StrikeReportsService) {}

  @Query(() => StrikeReportConnection, { description: 'Strike reports, newest first.' })
  @Roles(Role.ANALYST)
  strikeReports(@Args() args: StrikeReportsArgs) {
    return this.service.list(args);
  }

  @Query(() => StrikeReportModel, {
    nullable: true,
    description: 'A strike report by id; null when unknown.',
  })
  @Roles(Role.ANALYST)
  strikeReport(@Args('id', { type: () => ID }, ParseIdPipe) id: string) {
    return this.service.byId(id);
  }

  @Mutation(() => StrikeReportModel, { description: 'Records a strike as it was reported.' })
  @Roles(Role.INVESTIGATOR)
  reportStrike(@Args('input') input: ReportStrikeInput, @CurrentActor() actor: Actor) {
    return this.service.report(actor, input);
  }

  @Mutation(() => StrikeReportModel, {
    description: 'Changes the fields given (null clears one); CONFLICT when the version is stale.',
  })
  @Roles(Role.INVESTIGATOR)
  updateStrikeReport(@Args('input') input: UpdateStrikeReportInput, @CurrentActor() actor: Actor) {
    return this.service.update(actor, input);
  }

  @ResolveField(() => WeaponSystemModel, { nullable: true })
  weaponSystem(@Parent() s: StrikeReportModel, @Context('loaders') loaders: WeaponSystemLoaders) {
    return s.weaponSystemId ? loaders.weaponSystemById.load(s.weaponSystemId) : null;
  }
}
