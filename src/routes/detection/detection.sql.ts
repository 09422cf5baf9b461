/**
 * Route detection in SQL. The search runs on party-to-party flows per kind of goods
 * (`route_flow`), never on pairs of shipments, so a hub with thousands of shipments costs its flows,
 * not their product.
 *
 * 1. Flows: the shipments that can be a leg of a route (goods made by a coalition maker or of
 *    coalition origin, sent to a party outside the coalition) per exporter, importer and goods (the
 *    component where the shipment names it, else the HS code), with their first and last dates. A
 *    full run rebuilds `route_flow`; an incremental one recomputes the keys that triggers on
 *    `shipment` recorded in `route_flow_change` since the last run.
 * 2. `rd_candidate`: paths walked backwards from every flow into a destination of concern whose
 *    exporter is outside the coalition (cheap: the flows are few and indexed): each step prepends a flow of the same goods into the path's first party that can have arrived before
 *    a departure and within the window. A path that reaches a coalition party ends there (the origin
 *    party); every path starting outside the coalition is a candidate too (the origin is then only a
 *    country). At most three intermediaries; no party twice.
 * 3. `rd_leg`: the shipments along each candidate path, pruned until every leg chains: it leaves no
 *    earlier than a leg that arrived and within the window after it, what leaves an intermediary is no
 *    more than what arrived there in the window before, and every position keeps a leg.
 * 4. The candidates whose every position kept a leg are routes, except a path starting outside the
 *    coalition whose legs into the destination are all legs of a route that explains more of their
 *    way (from an origin party, or over a longer path). So a single leg from a third-country trader
 *    is a route when nothing upstream chains with it.
 */

/** Risk groups, as `country.risk_group` stores them. */
export const PARTNER = 'PARTNER';
export const DESTINATION = 'DESTINATION_OF_CONCERN';

/** The goods of a shipment row `s`: its component, else its HS code. */
export const GOODS = `CASE WHEN s.component_id IS NOT NULL THEN 'c:' || s.component_id ELSE 'h:' || s.hs_code END`;

/**
 * The shipments that can be legs of a route, read from `from` (which names the shipment `s`), with
 * `columns` more. A party's country is its own, else the one the shipment states.
 */
const legShipments = (from: string, columns = '') => `
  SELECT s.id, s.exporter_id, s.importer_id, s.shipped_on, s.quantity, s.value_usd, ${GOODS} AS goods,
         ex.risk_group::text AS exporter_risk, im.risk_group::text AS importer_risk ${columns}
    FROM ${from}
    JOIN organization e ON e.id = s.exporter_id
    JOIN organization i ON i.id = s.importer_id
    JOIN country ex ON ex.code = coalesce(e.country, s.export_country)
    JOIN country im ON im.code = coalesce(i.country, s.import_country)
    LEFT JOIN component c ON c.id = s.component_id
    LEFT JOIN organization m ON m.id = c.manufacturer_id
    LEFT JOIN country mc ON mc.code = m.country
    LEFT JOIN country oc ON oc.code = s.origin_country
   WHERE im.risk_group <> '${PARTNER}'
     AND s.exporter_id <> s.importer_id
     AND (s.component_id IS NOT NULL OR s.hs_code IS NOT NULL)
     AND (mc.risk_group = '${PARTNER}' OR oc.risk_group = '${PARTNER}')`;

/** The shipments of the flows of `keys` (a table of exporter_id, importer_id, goods), aliased `s`. */
const shipmentsOf = (keys: string) =>
  `${keys} k JOIN shipment s ON s.exporter_id = k.exporter_id AND s.importer_id = k.importer_id AND ${GOODS} = k.goods`;

const flowsOf = (from: string) => `
  INSERT INTO route_flow (exporter_id, importer_id, goods, first_on, last_on, shipments,
                          exporter_risk, importer_risk)
  SELECT exporter_id, importer_id, goods, min(shipped_on), max(shipped_on), count(*),
         min(exporter_risk), min(importer_risk)
    FROM (${legShipments(from)}) legs
   GROUP BY exporter_id, importer_id, goods`;

/** Full runs: every flow anew (the recorded changes are all covered). */
export const CLEAR_CHANGES = `DELETE FROM route_flow_change`;
export const CLEAR_FLOWS = `DELETE FROM route_flow`;
export const BUILD_FLOWS = flowsOf('shipment s');

/** Incremental runs: the keys changed since the last run, taken (new ones wait for the next run). */
export const TAKE_CHANGES = `
  CREATE TEMP TABLE rd_changed ON COMMIT DROP AS
  WITH taken AS (DELETE FROM route_flow_change RETURNING exporter_id, importer_id, goods)
  SELECT DISTINCT exporter_id, importer_id, goods FROM taken`;
export const INDEX_CHANGES = `CREATE INDEX rd_changed_key ON rd_changed (exporter_id, importer_id, goods)`;
export const DROP_CHANGED_FLOWS = `
  DELETE FROM route_flow f USING rd_changed c
   WHERE f.exporter_id = c.exporter_id AND f.importer_id = c.importer_id AND f.goods = c.goods`;
export const REBUILD_CHANGED_FLOWS = flowsOf(shipmentsOf('rd_changed'));

/** `$1`: the window in days. */
export const CREATE_CANDIDATES = `
  CREATE TEMP TABLE rd_candidate ON COMMIT DROP AS
  WITH RECURSIVE walk(path, goods, first_on, last_on, first_risk, depth) AS (
    SELECT ARRAY[f.exporter_id, f.importer_id], f.goods, f.first_on, f.last_on, f.exporter_risk, 1
      FROM route_flow f
     WHERE f.importer_risk = '${DESTINATION}'
       AND f.exporter_risk NOT IN ('${PARTNER}', '${DESTINATION}')
    UNION ALL
    SELECT p.exporter_id || w.path, w.goods, p.first_on, p.last_on, p.exporter_risk, w.depth + 1
      FROM walk w
      JOIN route_flow p ON p.importer_id = w.path[1] AND p.goods = w.goods
     WHERE w.first_risk <> '${PARTNER}'
       AND w.depth < 4
       AND p.exporter_id <> ALL (w.path)
       AND p.exporter_risk <> '${DESTINATION}'
       AND p.first_on <= w.last_on
       AND p.last_on >= w.first_on - $1::int
  )
  SELECT row_number() OVER (ORDER BY w.goods, w.path) AS id, w.path, w.goods,
         w.first_risk = '${PARTNER}' AS has_origin_party
    FROM walk w
   WHERE (w.first_risk = '${PARTNER}' AND w.depth >= 2)
      OR (w.first_risk <> '${PARTNER}' AND w.depth <= 3)`;

/** The flows of the candidate paths, by position (0 leaves the path's first party). */
export const CREATE_LEG_KEYS = `
  CREATE TEMP TABLE rd_leg_key ON COMMIT DROP AS
  SELECT c.id AS candidate, p.pos - 1 AS position, array_length(c.path, 1) - 2 AS last_position,
         c.path[p.pos] AS exporter_id, c.path[p.pos + 1] AS importer_id, c.goods
    FROM rd_candidate c
   CROSS JOIN LATERAL generate_subscripts(c.path, 1) AS p(pos)
   WHERE p.pos < array_length(c.path, 1)`;

/** Every shipment of those flows that can be a leg. */
export const CREATE_LEGS = `
  CREATE TEMP TABLE rd_leg ON COMMIT DROP AS
  SELECT candidate, position, last_position, id AS shipment_id, shipped_on, quantity, value_usd
    FROM (${legShipments(shipmentsOf('rd_leg_key'), ', k.candidate, k.position, k.last_position')}) legs`;

export const INDEX_LEGS = `CREATE INDEX rd_leg_candidate_position ON rd_leg (candidate, position, shipped_on)`;

/** A leg after the first must leave after some leg arrived, within the window (`$1`). */
export const PRUNE_UNFED = `
  DELETE FROM rd_leg l
   WHERE l.position > 0 AND NOT EXISTS (
     SELECT 1 FROM rd_leg a
      WHERE a.candidate = l.candidate AND a.position = l.position - 1
        AND a.shipped_on <= l.shipped_on AND l.shipped_on <= a.shipped_on + $1::int)`;

/** A leg before the last must be followed by a leg leaving within the window (`$1`) after it. */
export const PRUNE_DEAD_ENDS = `
  DELETE FROM rd_leg l
   WHERE l.position < l.last_position AND NOT EXISTS (
     SELECT 1 FROM rd_leg d
      WHERE d.candidate = l.candidate AND d.position = l.position + 1
        AND l.shipped_on <= d.shipped_on AND d.shipped_on <= l.shipped_on + $1::int)`;

/** What leaves an intermediary is no more than what arrived there in the window (`$1`) before it. */
export const PRUNE_OVERSHIPPED = `
  DELETE FROM rd_leg l
   WHERE l.position > 0 AND l.quantity IS NOT NULL AND l.quantity > (
     SELECT sum(a.quantity) FROM rd_leg a
      WHERE a.candidate = l.candidate AND a.position = l.position - 1
        AND a.shipped_on <= l.shipped_on AND a.shipped_on >= l.shipped_on - $1::int)`;

/** The candidates with a leg left at every position. */
export const CREATE_COMPLETE = `
  CREATE TEMP TABLE rd_complete ON COMMIT DROP AS
  SELECT c.id, c.path, c.goods, c.has_origin_party
    FROM rd_candidate c
   WHERE (SELECT count(DISTINCT l.position) FROM rd_leg l WHERE l.candidate = c.id)
         = array_length(c.path, 1) - 1`;

/**
 * The routes: complete candidates but those another explains (step 4), with their goods, dates, the
 * value of the legs into the destination, and where the goods came from (the origin party's country,
 * else the first legs' coalition country of origin, the most common one).
 */
export const FOUND_ROUTES = `
  SELECT c.id AS candidate, c.path, c.has_origin_party,
         CASE WHEN c.goods LIKE 'c:%' THEN substr(c.goods, 3)::uuid END AS component_id,
         coalesce(
           (SELECT cp.hs_code FROM component cp
             WHERE c.goods LIKE 'c:%' AND cp.id = substr(c.goods, 3)::uuid),
           CASE WHEN c.goods LIKE 'h:%' THEN substr(c.goods, 3) END,
           (SELECT mode() WITHIN GROUP (ORDER BY s.hs_code)
              FROM rd_leg l JOIN shipment s ON s.id = l.shipment_id WHERE l.candidate = c.id)
         ) AS hs_code,
         legs.first_on::text AS first_shipped_on, legs.last_on::text AS last_shipped_on,
         legs.value_usd::text AS value_usd,
         CASE WHEN c.has_origin_party THEN (SELECT o.country FROM organization o WHERE o.id = c.path[1])
              ELSE (SELECT mode() WITHIN GROUP (ORDER BY s.origin_country)
                      FROM rd_leg l JOIN shipment s ON s.id = l.shipment_id
                      JOIN country oc ON oc.code = s.origin_country AND oc.risk_group = '${PARTNER}'
                     WHERE l.candidate = c.id AND l.position = 0)
         END AS origin_country
    FROM rd_complete c
    JOIN LATERAL (
      SELECT min(l.shipped_on) AS first_on, max(l.shipped_on) AS last_on,
             coalesce(sum(l.value_usd) FILTER (WHERE l.position = l.last_position), 0) AS value_usd
        FROM rd_leg l WHERE l.candidate = c.id
    ) legs ON true
   WHERE c.has_origin_party OR NOT EXISTS (
     SELECT 1 FROM rd_complete other
      WHERE other.goods = c.goods AND other.id <> c.id
        AND (other.has_origin_party OR array_length(other.path, 1) > array_length(c.path, 1))
        AND NOT EXISTS (
          SELECT 1 FROM rd_leg mine
           WHERE mine.candidate = c.id AND mine.position = mine.last_position
             AND NOT EXISTS (SELECT 1 FROM rd_leg theirs
                              WHERE theirs.candidate = other.id AND theirs.shipment_id = mine.shipment_id)))`;
