import type { QueryRunner } from 'typeorm';
import type { ScoredRoute } from './score-routes.js';

export interface StoreCounts {
  newRoutes: number;
  /** Routes found again whose dates, value, score or flags changed. */
  updatedRoutes: number;
  /** Detected routes no longer found and never looked at (no review, no evidence): deleted. */
  removedRoutes: number;
}

interface Existing {
  identity: string;
  first_shipped_on: string | null;
  last_shipped_on: string | null;
  value_usd: string;
  score: number;
  red_flags: unknown;
}

/**
 * Stores the routes of a run by identity (`route_identity`: party path and goods): a new one is
 * inserted; one found again gets its dates, value, score and flags (its version moves only if they
 * changed) and keeps its source, status, reviewer and notes. Its detected legs become this run's.
 * A detected route the run did not find again, never reviewed nor evidenced, is deleted; a reviewed
 * one stays, with the date it was last found.
 */
export async function storeRoutes(q: QueryRunner, routes: ScoredRoute[]): Promise<StoreCounts> {
  const input = JSON.stringify(
    routes.map((r) => ({
      candidate: r.candidate,
      path: `{${r.path.join(',')}}`,
      has_origin_party: r.hasOriginParty,
      component_id: r.componentId,
      hs_code: r.hsCode,
      origin_country: r.originCountry,
      first_shipped_on: r.firstShippedOn,
      last_shipped_on: r.lastShippedOn,
      value_usd: r.valueUsd,
      score: r.score,
      red_flags: r.redFlags,
    })),
  );
  await q.query(
    `CREATE TEMP TABLE rd_found ON COMMIT DROP AS
     SELECT i.*, route_identity(i.path::uuid[], i.component_id, i.hs_code) AS identity
       FROM jsonb_to_recordset($1::jsonb) AS i(
              candidate bigint, path text, has_origin_party boolean, component_id uuid, hs_code text,
              origin_country text, first_shipped_on date, last_shipped_on date, value_usd numeric,
              score int, red_flags jsonb)`,
    [input],
  );

  const existing = (await q.query(
    `SELECT r.identity_hash AS identity, r.first_shipped_on::text, r.last_shipped_on::text,
            r.value_usd::text, r.score, r.red_flags
       FROM route r JOIN rd_found f ON f.identity = r.identity_hash`,
  )) as Existing[];
  const before = new Map(existing.map((e) => [e.identity, e]));

  const stored = (await q.query(
    `INSERT INTO route AS t (identity_hash, party_path, has_origin_party, origin_country, component_id,
                             hs_code, first_shipped_on, last_shipped_on, value_usd, score, red_flags,
                             source, detected_at)
     SELECT f.identity, f.path::uuid[], f.has_origin_party, f.origin_country, f.component_id,
            f.hs_code, f.first_shipped_on, f.last_shipped_on, f.value_usd, f.score, f.red_flags,
            'DETECTED', now()
       FROM rd_found f
     ON CONFLICT (identity_hash) DO UPDATE SET
       has_origin_party = excluded.has_origin_party,
       origin_country = coalesce(excluded.origin_country, t.origin_country),
       hs_code = excluded.hs_code,
       first_shipped_on = excluded.first_shipped_on,
       last_shipped_on = excluded.last_shipped_on,
       value_usd = excluded.value_usd,
       score = excluded.score,
       red_flags = excluded.red_flags,
       detected_at = excluded.detected_at,
       version = t.version + CASE WHEN (t.first_shipped_on, t.last_shipped_on, t.value_usd, t.score, t.red_flags)
                                       IS DISTINCT FROM (excluded.first_shipped_on, excluded.last_shipped_on,
                                         excluded.value_usd, excluded.score, excluded.red_flags)
                                  THEN 1 ELSE 0 END
     RETURNING t.id, t.identity_hash AS identity, t.source`,
  )) as { id: string; identity: string; source: string }[];

  let updatedRoutes = 0;
  const found = new Map(
    (
      (await q.query(
        `SELECT identity, first_shipped_on::text, last_shipped_on::text, value_usd::text, score, red_flags
         FROM rd_found`,
      )) as Existing[]
    ).map((f) => [f.identity, f]),
  );
  for (const [identity, was] of before) {
    const now = found.get(identity);
    if (
      now &&
      (was.first_shipped_on !== now.first_shipped_on ||
        was.last_shipped_on !== now.last_shipped_on ||
        Number(was.value_usd) !== Number(now.value_usd) ||
        was.score !== now.score ||
        JSON.stringify(was.red_flags) !== JSON.stringify(now.red_flags))
    )
      updatedRoutes++;
  }

  await q.query(
    `CREATE TEMP TABLE rd_stored ON COMMIT DROP AS
     SELECT s.id AS route_id, s.source, f.candidate
       FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, identity text, source text)
       JOIN rd_found f ON f.identity = s.identity`,
    [JSON.stringify(stored)],
  );
  // A detected route's legs are the ones this run chose; a flagged route keeps its own and gains these.
  await q.query(
    `DELETE FROM route_leg l USING rd_stored s
      WHERE l.route_id = s.route_id AND s.source = 'DETECTED'
        AND NOT EXISTS (SELECT 1 FROM rd_leg x
                         WHERE x.candidate = s.candidate AND x.shipment_id = l.shipment_id)`,
  );
  await q.query(
    `INSERT INTO route_leg (route_id, shipment_id, position)
     SELECT s.route_id, x.shipment_id, x.position FROM rd_leg x JOIN rd_stored s USING (candidate)
     ON CONFLICT (route_id, shipment_id) DO UPDATE SET position = excluded.position, updated_at = now()
       WHERE route_leg.position <> excluded.position`,
  );
  // A flagged route's dates and value are those of all its legs, its own and the detected ones.
  await q.query(
    `UPDATE route r SET first_shipped_on = a.first_on, last_shipped_on = a.last_on, value_usd = a.value
       FROM (SELECT l.route_id, min(s.shipped_on) AS first_on, max(s.shipped_on) AS last_on,
                    coalesce(sum(s.value_usd) FILTER (WHERE l.position = cardinality(x.party_path) - 2), 0) AS value
               FROM rd_stored st JOIN route x ON x.id = st.route_id
               JOIN route_leg l ON l.route_id = st.route_id JOIN shipment s ON s.id = l.shipment_id
              WHERE st.source = 'MANUAL' GROUP BY l.route_id) a
      WHERE r.id = a.route_id
        AND (r.first_shipped_on, r.last_shipped_on, r.value_usd) IS DISTINCT FROM (a.first_on, a.last_on, a.value)`,
  );

  const [{ n: removedRoutes }] = (await q.query(
    `WITH gone AS (
           DELETE FROM route r
            WHERE r.source = 'DETECTED'
              AND NOT EXISTS (SELECT 1 FROM rd_found f WHERE f.identity = r.identity_hash)
              AND r.status = 'OPEN' AND r.reviewer_id IS NULL AND r.review_note IS NULL
              AND NOT EXISTS (SELECT 1 FROM evidence_link e
                               WHERE e.subject_type = 'ROUTE' AND e.subject_id = r.id)
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
  )) as { n: number }[];

  return { newRoutes: stored.length - before.size, updatedRoutes, removedRoutes };
}
