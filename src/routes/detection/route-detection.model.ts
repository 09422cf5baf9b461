import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RouteDetectionMode } from '../route.enums.js';

registerEnumType(RouteDetectionMode, {
  name: 'RouteDetectionMode',
  description: 'FULL: every flow; INCREMENTAL: the flows touched since the last run.',
});

@ObjectType('RouteDetectionResult', { description: 'What one run of route detection did.' })
export class RouteDetectionResultModel {
  @Field(() => ID, { description: 'The run, as recorded (and audited as `route.detect`).' })
  runId!: string;
  @Field(() => RouteDetectionMode) mode!: RouteDetectionMode;
  @Field(() => Int, { description: 'Routes the run found in the trade data it read.' })
  routesFound!: number;
  @Field(() => Int) newRoutes!: number;
  @Field(() => Int, {
    description: 'Routes found again whose legs, dates, value or flags changed.',
  })
  updatedRoutes!: number;
  @Field(() => Int, {
    description: 'Detected routes no longer found and never reviewed nor evidenced: deleted.',
  })
  removedRoutes!: number;
  @Field(() => Int) durationMs!: number;
}
