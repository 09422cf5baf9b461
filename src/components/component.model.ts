import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { Connection } from '../common/graphql/connection.js';
import { ComponentCategory } from './component.enums.js';
import type { ComponentEntity } from './component.entity.js';

registerEnumType(ComponentCategory, {
  name: 'ComponentCategory',
  description: 'What kind of part it is.',
});

@ObjectType('Component', { description: "A part type: one manufacturer's part number." })
export class ComponentModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Canonical part number, as the manufacturer writes it.' })
  partNumber!: string;
  @Field({ description: 'Upper case without spaces or punctuation: what search compares.' })
  normalizedPartNumber!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => ComponentCategory) category!: ComponentCategory;
  @Field(() => String, { nullable: true, description: '6-digit HS code.' }) hsCode!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeScalar, { nullable: true }) archivedAt!: Date | null;
  manufacturerId!: string;

  static from = (e: ComponentEntity): ComponentModel =>
    Object.assign(new ComponentModel(), {
      id: e.id,
      partNumber: e.partNumber,
      normalizedPartNumber: e.normalizedPartNumber,
      description: e.description,
      category: e.category,
      hsCode: e.hsCode,
      version: e.version,
      archivedAt: e.archivedAt,
      manufacturerId: e.manufacturerId,
    });
}

@ObjectType()
export class ComponentConnection extends Connection(ComponentModel, 'Component') {}
