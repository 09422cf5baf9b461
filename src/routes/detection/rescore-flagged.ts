import type { QueryRunner } from 'typeorm';
import type { FoundRoute } from './red-flag-facts.js';
import { scoreRoutes } from './score-routes.js';

interface Flagged {
  id: string;
  n: string;
  path: string[];
  has_origin_party: boolean;
  component_id: string | null;
  hs_code: string | null;
  origin_country: string | null;
  score: number;
  red_flags: unknown;
}

/**
 * Flagged routes that this run did not find in the trade data are scored again from their own legs
 * and the facts of the moment (a listing or a finding added since flags them), in the run's
 * transaction, after `storeRoutes` (which filled `rd_found`). Answers how many changed.
 */
export async function rescoreFlagged(q: QueryRunner): Promise<number> {
  const flagged = (await q.query(
    `SELECT r.id, row_number() OVER (ORDER BY r.id) AS n, r.party_path AS path, r.has_origin_party,
            r.component_id, r.hs_code, r.origin_country, r.score, r.red_flags
       FROM route r
      WHERE r.source = 'MANUAL' AND NOT EXISTS (SELECT 1 FROM rd_found f WHERE f.identity = r.identity_hash)`,
  )) as Flagged[];
  if (!flagged.length) return 0;
  // Their legs go into rd_leg under negative candidate numbers, apart from detection's.
  await q.query(
    `INSERT INTO rd_leg (candidate, position, last_position, shipment_id, shipped_on, quantity, value_usd)
     SELECT -m.n, l.position, cardinality(m.path) - 2, l.shipment_id, s.shipped_on, s.quantity, s.value_usd
       FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, n bigint, path uuid[])
       JOIN route_leg l ON l.route_id = m.id JOIN shipment s ON s.id = l.shipment_id`,
    [JSON.stringify(flagged.map((f) => ({ id: f.id, n: Number(f.n), path: f.path })))],
  );
  const found: FoundRoute[] = flagged.map((f) => ({
    candidate: -Number(f.n),
    path: f.path,
    hasOriginParty: f.has_origin_party,
    componentId: f.component_id,
    hsCode: f.hs_code?.trim() ?? null,
    firstShippedOn: '',
    lastShippedOn: '',
    valueUsd: '0',
    originCountry: f.origin_country?.trim() ?? null,
  }));
  const scored = await scoreRoutes(q, found);
  const changed = scored
    .map((s, i) => ({
      id: flagged[i].id,
      score: s.score,
      red_flags: s.redFlags,
      before: flagged[i],
    }))
    .filter(
      (s) =>
        s.score !== s.before.score ||
        JSON.stringify(s.red_flags) !== JSON.stringify(s.before.red_flags),
    );
  if (!changed.length) return 0;
  await q.query(
    `UPDATE route r SET score = c.score, red_flags = c.red_flags, version = r.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, score int, red_flags jsonb)
      WHERE r.id = c.id`,
    [JSON.stringify(changed.map(({ id, score, red_flags }) => ({ id, score, red_flags })))],
  );
  return changed.length;
}
