import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ComponentModel } from '../components/component.model.js';
import type { FindingModel } from '../findings/finding.model.js';
import { RouteModel } from '../routes/route.model.js';
import { PartMatch } from './part-candidates.js';

registerEnumType(PartMatch, {
  name: 'PartMatch',
  description:
    'How the part was found: COMPONENT_ID; PART_NUMBER (the text, normalized, is a catalogued part number); MARKING (the marking parser read one from it); MARKING_PREFIX (the longest catalogued part number the marking starts with, 5 characters or more).',
});

@ObjectType('TraceRoute', { description: 'A route of the trace, and why it is in it.' })
export class TraceRouteModel {
  @Field({
    description:
      "False: the route's goods are this component. True: its shipments name no part, and it is in the trace because its goods are the component's HS code.",
  })
  byHsCode!: boolean;
  /** Read with the trace, as a connection's edge holds its node. */
  @Field(() => RouteModel) route!: RouteModel;
}

@ObjectType('TraceIntermediary', {
  description: 'An organization standing as an intermediary on routes of the trace.',
})
export class TraceIntermediaryModel {
  @Field(() => String, { nullable: true, description: "The organization's country." })
  country!: string | null;
  @Field(() => Float, {
    description:
      'Value in USD of the legs of these routes it shipped (each shipment counted once, even when it is a leg of two routes).',
  })
  valueUsd!: number;
  @Field(() => Int, { description: 'Routes of the trace it stands on as an intermediary.' })
  routeCount!: number;
  organizationId!: string;
}

/** The parts of a trace, each read by one statement when first asked for, then kept. */
export interface TraceParts {
  /** The maker, then its successor or parent, up to today's owner. */
  lineageIds(): Promise<string[]>;
  findings(): Promise<FindingModel[]>;
  routes(): Promise<TraceRouteModel[]>;
  intermediaries(): Promise<TraceIntermediaryModel[]>;
}

@ObjectType('ComponentTrace', {
  description:
    'A part from a drone traced to its maker and to the routes it travelled: see docs/trace.md.',
})
export class ComponentTraceModel {
  @Field(() => PartMatch) matchedBy!: PartMatch;
  /** Read first, to know what to trace. */
  @Field(() => ComponentModel) component!: ComponentModel;
  parts!: TraceParts;
}
