import type { DataSource, QueryRunner } from 'typeorm';
import { RouteDetectionMode } from '../route.enums.js';
import {
  BUILD_FLOWS,
  CLEAR_CHANGES,
  CLEAR_FLOWS,
  CREATE_CANDIDATES,
  CREATE_COMPLETE,
  CREATE_LEG_KEYS,
  CREATE_LEGS,
  DROP_CHANGED_FLOWS,
  FOUND_ROUTES,
  INDEX_CHANGES,
  INDEX_LEGS,
  PRUNE_DEAD_ENDS,
  PRUNE_OVERSHIPPED,
  PRUNE_UNFED,
  REBUILD_CHANGED_FLOWS,
  TAKE_CHANGES,
} from './detection.sql.js';
import type { FoundRoute } from './red-flag-facts.js';
import { scoreRoutes } from './score-routes.js';
import { rescoreFlagged } from './rescore-flagged.js';
import { storeRoutes, type StoreCounts } from './store-routes.js';

export interface DetectionOptions {
  mode: RouteDetectionMode;
  windowDays: number;
  timeoutSeconds: number;
  /** Called with a short description of each step as it starts. */
  onStep?: (step: string) => void;
}

export interface DetectionResult extends StoreCounts {
  routesFound: number;
}

/**
 * One detection run inside the caller's transaction (on `q`, whose temporary tables it uses): brings
 * the flows up to date (all of them, or the ones changed since the last run), finds the routes in
 * them, scores them with the red-flag catalogue and stores them, keeping each route's review. Both
 * modes then read every flow, so an incremental run finds what a full one would. A bounded number
 * of statements whatever the number of shipments or routes.
 */
export async function detectRoutes(
  q: QueryRunner,
  { mode, windowDays, timeoutSeconds, onStep = () => undefined }: DetectionOptions,
): Promise<DetectionResult> {
  const incremental = mode === RouteDetectionMode.INCREMENTAL;
  await q.query(`SET LOCAL statement_timeout = ${Math.round(timeoutSeconds * 1000)}`);
  // Room to hash the flows and the candidates' legs in memory.
  await q.query(`SET LOCAL work_mem = '128MB'`);

  if (incremental) {
    onStep('recomputing the flows the shipments written since the last run changed');
    await q.query(TAKE_CHANGES);
    await q.query(INDEX_CHANGES);
    await q.query('ANALYZE rd_changed');
    await q.query(DROP_CHANGED_FLOWS);
    await q.query(REBUILD_CHANGED_FLOWS);
  } else {
    onStep('grouping the shipments that can be legs of a route into flows between parties');
    await q.query(CLEAR_CHANGES);
    await q.query(CLEAR_FLOWS);
    await q.query(BUILD_FLOWS);
  }

  onStep('walking the flows back from each destination of concern');
  await q.query(CREATE_CANDIDATES, [windowDays]);
  await q.query('ANALYZE rd_candidate');
  onStep('choosing the legs that chain');
  await q.query(CREATE_LEG_KEYS);
  await q.query('ANALYZE rd_leg_key');
  await q.query(CREATE_LEGS);
  await q.query(INDEX_LEGS);
  await q.query('ANALYZE rd_leg');
  for (let round = 0; round < 10; round++) {
    let removed = 0;
    for (const prune of [PRUNE_UNFED, PRUNE_DEAD_ENDS, PRUNE_OVERSHIPPED])
      removed += await affected(q, prune, [windowDays]);
    if (!removed) break;
  }

  await q.query(CREATE_COMPLETE);
  const found = ((await q.query(FOUND_ROUTES)) as FoundRow[]).map(toFound);
  onStep(`scoring ${found.length} routes`);
  const scored = await scoreRoutes(q, found);

  onStep('storing the routes');
  const counts = await storeRoutes(q, scored);
  onStep('scoring again the flagged routes the trade data does not show');
  const rescored = await rescoreFlagged(q);
  return { routesFound: scored.length, ...counts, updatedRoutes: counts.updatedRoutes + rescored };
}

interface FoundRow {
  candidate: string;
  path: string[];
  has_origin_party: boolean;
  component_id: string | null;
  hs_code: string | null;
  first_shipped_on: string;
  last_shipped_on: string;
  value_usd: string;
  origin_country: string | null;
}

const toFound = (r: FoundRow): FoundRoute => ({
  candidate: Number(r.candidate),
  path: r.path,
  hasOriginParty: r.has_origin_party,
  componentId: r.component_id,
  hsCode: r.hs_code?.trim() ?? null,
  firstShippedOn: r.first_shipped_on,
  lastShippedOn: r.last_shipped_on,
  valueUsd: r.value_usd,
  originCountry: r.origin_country?.trim() ?? null,
});

async function affected(q: QueryRunner, sql: string, params: unknown[]): Promise<number> {
  const result = await q.query(sql, params, true);
  return result.affected ?? 0;
}

/** A data source's own connection for one run, in one transaction. */
export async function inTransaction<T>(
  ds: DataSource,
  work: (q: QueryRunner) => Promise<T>,
): Promise<T> {
  const q = ds.createQueryRunner();
  await q.connect();
  try {
    await q.startTransaction();
    const result = await work(q);
    await q.commitTransaction();
    return result;
  } catch (error) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    throw error;
  } finally {
    await q.release();
  }
}
