import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BillOfMaterialsItem', {
  description: 'One component found in a weapon system, with how often and when it was recovered.',
})
export class BillOfMaterialsItemModel {
  @Field(() => Int, {
    description: 'Findings of this component in this weapon, retracted ones left out.',
  })
  findingCount!: number;
  @Field(() => String, {
    nullable: true,
    description: "ISO 3166-1 alpha-2 home country of the component's manufacturer.",
  })
  manufacturerCountry!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Earliest recovery date (YYYY-MM-DD) known.',
  })
  firstRecoveredOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Latest recovery date (YYYY-MM-DD) known.' })
  lastRecoveredOn!: string | null;
  componentId!: string;
}
