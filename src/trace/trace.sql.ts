/**
 * The statements of a trace, each served by an index (docs/trace.md says which; a test EXPLAINs
 * them on a large catalogue). Whatever the number of findings and routes, a trace reads the part
 * (one statement, two when unknown) and then at most one statement per part of the answer.
 */

/** Components whose normalized part number is one of $1 (`idx_component_normalized_part_number_id`). */
export const COMPONENTS_BY_PART_NUMBERS = `
  SELECT * FROM component WHERE normalized_part_number = ANY($1::text[])`;

export const COMPONENT_BY_ID = `SELECT * FROM component WHERE id = $1`;

/**
 * Up to 5 live components whose normalized part number is most like $1 or $2 (the text and the
 * part number the marking parser read), by trigram similarity: `%` is served by the GIN trigram
 * index `idx_component_normalized_part_number_trgm` (pg_trgm.similarity_threshold, 0.3 by default).
 */
export const NEAREST_PARTS = `
  SELECT c.id AS component_id, c.part_number, o.name AS manufacturer,
         round(greatest(similarity(c.normalized_part_number, $1),
                        similarity(c.normalized_part_number, $2))::numeric, 3)::float8 AS similarity
    FROM component c
    JOIN organization o ON o.id = c.manufacturer_id
   WHERE (c.normalized_part_number % $1 OR c.normalized_part_number % $2)
     AND c.archived_at IS NULL
   ORDER BY similarity DESC, c.normalized_part_number, c.id
   LIMIT 5`;

/**
 * The maker $1, then the company that took it over (its successor) or, when none did, its parent,
 * and so on up to today's owner: National Semiconductor, Texas Instruments. A company met twice
 * ends the chain (a cycle in the data), and so does a chain of 32.
 */
export const OWNERSHIP_CHAIN = `
  WITH RECURSIVE chain(id, next_id, depth, seen) AS (
    SELECT o.id, coalesce(o.successor_id, o.parent_id), 0, ARRAY[o.id]
      FROM organization o
     WHERE o.id = $1
    UNION ALL
    SELECT o.id, coalesce(o.successor_id, o.parent_id), c.depth + 1, c.seen || o.id
      FROM chain c
      JOIN organization o ON o.id = c.next_id
     WHERE o.id <> ALL (c.seen) AND c.depth < 31
  )
  SELECT id FROM chain ORDER BY depth`;

/**
 * Every finding of component $1: latest recovered first (unknown dates last), then latest
 * recorded (`idx_component_finding_component_id_created_at_id`).
 */
export const FINDINGS_OF_COMPONENT = `
  SELECT * FROM component_finding
   WHERE component_id = $1
   ORDER BY recovered_on DESC NULLS LAST, created_at DESC, id DESC`;

/**
 * The routes of the trace, alias `r`: those of component $1, and those of its HS code $2 whose
 * shipments name no part (`idx_route_component_id`, `idx_route_hs_code`).
 */
const TRACED_ROUTES = `r.component_id = $1 OR (r.component_id IS NULL AND r.hs_code = $2)`;

/** The component's routes first, then those by HS code; each by score, value, then id. */
export const ROUTES_OF_COMPONENT = `
  SELECT r.* FROM route r
   WHERE ${TRACED_ROUTES}
   ORDER BY r.component_id IS NULL, r.score DESC, r.value_usd DESC, r.id`;

/**
 * The intermediaries of the trace's routes (a route's party path without its origin party, when it
 * has one, and without its destination), with their country, the number of those routes each
 * stands on, and the value of the legs of those routes it shipped (exported), each shipment once:
 * highest value first, then most routes, then name. The legs are read route by route, through
 * `uq_route_leg_route_id_shipment_id` and the shipments' primary key: `OFFSET 0` keeps the planner
 * from hashing the whole leg and shipment tables instead, which it prefers while they are small.
 */
export const INTERMEDIARIES_OF_COMPONENT = `
  WITH traced AS (
    SELECT r.id,
           r.party_path[(CASE WHEN r.has_origin_party THEN 2 ELSE 1 END):(cardinality(r.party_path) - 1)]
             AS intermediaries
      FROM route r
     WHERE ${TRACED_ROUTES}
  ), standing AS (
    SELECT p.organization_id, count(DISTINCT t.id)::int AS route_count
      FROM traced t
     CROSS JOIN LATERAL unnest(t.intermediaries) AS p(organization_id)
     GROUP BY p.organization_id
  ), shipped AS (
    SELECT DISTINCT leg.exporter_id AS organization_id, leg.id, leg.value_usd
      FROM traced t
     CROSS JOIN LATERAL (
           SELECT sh.id, sh.exporter_id, coalesce(sh.value_usd, 0) AS value_usd
             FROM route_leg l
             JOIN shipment sh ON sh.id = l.shipment_id
            WHERE l.route_id = t.id
           OFFSET 0
         ) leg
     WHERE leg.exporter_id = ANY (t.intermediaries)
  ), valued AS (
    SELECT organization_id, sum(value_usd) AS value_usd FROM shipped GROUP BY organization_id
  )
  SELECT s.organization_id, o.country, s.route_count, coalesce(v.value_usd, 0)::float8 AS value_usd
    FROM standing s
    JOIN organization o ON o.id = s.organization_id
    LEFT JOIN valued v ON v.organization_id = s.organization_id
   ORDER BY coalesce(v.value_usd, 0) DESC, s.route_count DESC, o.name, s.organization_id`;
