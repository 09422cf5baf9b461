import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import type { ComponentLoaders } from '../components/component.loaders.js';
import { ComponentModel } from '../components/component.model.js';
import { StrikeReportModel } from '../strikes/strike-report.model.js';
import { WeaponSystemModel } from '../weapon-systems/weapon-system.model.js';
import { BillOfMaterialsItemModel } from './bill-of-materials.model.js';
import type { FindingLoaders } from './finding.loaders.js';
import { FindingConnection } from './finding.model.js';

/** `component.findings`: the findings of a part type, newest first. */
@Resolver(() => ComponentModel)
export class ComponentFindingsResolver {
  @ResolveField(() => FindingConnection, {
    description: 'Where this part was found, newest first.',
  })
  findings(
    @Parent() c: ComponentModel,
    @Args() args: PageArgs,
    @Context('loaders') loaders: FindingLoaders,
  ) {
    return loaders.findingsByComponent.load(c.id, args);
  }
}

/** `strikeReport.findings`: parts recovered after a strike. */
@Resolver(() => StrikeReportModel)
export class StrikeReportFindingsResolver {
  @ResolveField(() => FindingConnection, {
    description: 'Parts recovered after this strike, newest first.',
  })
  findings(
    @Parent() s: StrikeReportModel,
    @Args() args: PageArgs,
    @Context('loaders') loaders: FindingLoaders,
  ) {
    return loaders.findingsByStrikeReport.load(s.id, args);
  }
}

/** `weaponSystem.billOfMaterials`: what the findings say a weapon is made of. */
@Resolver(() => WeaponSystemModel)
export class WeaponSystemBillOfMaterialsResolver {
  @ResolveField(() => [BillOfMaterialsItemModel], {
    description:
      'The components found in this weapon system: most often found first, then by part number.',
  })
  billOfMaterials(@Parent() w: WeaponSystemModel, @Context('loaders') loaders: FindingLoaders) {
    return loaders.billOfMaterialsByWeaponSystem.load(w.id);
  }
}

@Resolver(() => BillOfMaterialsItemModel)
export class BillOfMaterialsItemResolver {
  @ResolveField(() => ComponentModel)
  component(
    @Parent() item: BillOfMaterialsItemModel,
    @Context('loaders') loaders: ComponentLoaders,
  ) {
    return loaders.componentById.load(item.componentId);
  }
}
