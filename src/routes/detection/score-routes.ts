import type { QueryRunner } from 'typeorm';
import { scoreOf } from '../red-flags.js';
import type { RedFlag } from '../route.enums.js';
import { type FoundRoute, gatherFacts } from './red-flag-facts.js';
import { raiseFlags } from './red-flag-rules.js';

/** A route scored and explained, ready to store. */
export interface ScoredRoute extends FoundRoute {
  score: number;
  redFlags: RedFlag[];
}

/**
 * Scores routes with the red-flag catalogue, as far as their data allows: detected and flagged routes
 * alike. Their legs are read from the temporary table `rd_leg` (by `candidate`), which a route
 * without legs simply has none in.
 */
export async function scoreRoutes(q: QueryRunner, routes: FoundRoute[]): Promise<ScoredRoute[]> {
  const facts = await gatherFacts(q, routes);
  return routes.map((route, i) => {
    const redFlags = raiseFlags(facts[i]);
    return { ...route, redFlags, score: scoreOf(redFlags) };
  });
}

/** The temporary table of legs that scoring (and detection) reads, for one transaction. */
export const CREATE_LEG_TABLE = `
  CREATE TEMP TABLE rd_leg (
    candidate bigint NOT NULL, position int NOT NULL, last_position int NOT NULL,
    shipment_id uuid NOT NULL, shipped_on date NOT NULL, quantity numeric, value_usd numeric
  ) ON COMMIT DROP`;
