import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { WeaponSystemEntity } from './weapon-system.entity.js';
import { WeaponType } from './weapon-system.enums.js';

registerEnumType(WeaponType, {
  name: 'WeaponType',
  description: 'What kind of weapon: not only drones (strikes are also by missile, bomb, gun).',
});

@ObjectType('WeaponSystem', {
  description: 'A drone or munition model: Shahed-136, known in Russian service as Geran-2.',
})
export class WeaponSystemModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'The name it is best known by (`Shahed-136`).' }) name!: string;
  @Field(() => [String], {
    description: 'Other designations, e.g. in Russian service (`Geran-2`).',
  })
  designations!: string[];
  @Field(() => WeaponType) type!: WeaponType;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country of design.' })
  designCountry!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country of production.',
  })
  productionCountry!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Int) version!: number;

  static from = (e: WeaponSystemEntity): WeaponSystemModel =>
    Object.assign(new WeaponSystemModel(), {
      id: e.id,
      name: e.name,
      designations: e.designations,
      type: e.type,
      designCountry: e.designCountry,
      productionCountry: e.productionCountry,
      description: e.description,
      version: e.version,
    });
}
