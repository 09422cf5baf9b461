import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, Length, Min, ValidateIf } from 'class-validator';
import { IsId, Trim } from '../../common/validators.js';
import { RouteStatus } from '../route.enums.js';
import '../route.model.js'; // registers RouteStatus

/** The statuses that close a review: they need a note saying why. */
export const DECISIONS: readonly RouteStatus[] = [RouteStatus.CONFIRMED, RouteStatus.DISMISSED];

@InputType()
export class ReviewRouteInput {
  @Field(() => ID) @IsId() id!: string;

  @Field(() => RouteStatus, { description: 'Any status may follow any: a reviewer may reopen.' })
  @IsEnum(RouteStatus)
  status!: RouteStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Why: required to CONFIRM or DISMISS. It replaces the review note (none given: none kept); earlier notes stay in the audit trail.',
  })
  @Trim()
  @ValidateIf(
    (o: ReviewRouteInput) =>
      DECISIONS.includes(o.status) || (o.note !== undefined && o.note !== null),
  )
  @Length(1, 2000, {
    message: ({ value }) =>
      typeof value === 'string' && value.length > 0
        ? 'note must be at most 2000 characters'
        : 'note is required to CONFIRM or DISMISS a route',
  })
  note?: string | null;

  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
