import { RouteStatus } from './route.enums.js';
import { destinationOf, intermediariesOf, originPartyOf } from './route-path.sql.js';

/**
 * The statements of the re-exporters view (`reExporters`, `organization.reExportProfile`): the
 * organizations standing as intermediaries on routes, with their figures over those routes. Each
 * answers in one statement, whatever the number of routes and organizations.
 */

/** Which routes count and which of their intermediaries are listed. */
export interface ReExporterScope {
  /** SQL condition on route `r`: the routes that count. */
  routes: string;
  /** SQL condition on the intermediary `p.organization_id`: the organizations listed. */
  organizations: string;
}

/** A row of the figures of one re-exporter, as the statement answers it. */
export interface ReExporterRow {
  /** The organization's id (`id`, so the order's keys read it as any list's). */
  id: string;
  highest_score: number;
  /** Numeric as text, so a cursor keeps it exactly. */
  value_usd: string;
  route_count: number;
  confirmed_route_count: number;
  first_seen: string | null;
  last_seen: string | null;
  top_red_flags: { code: string; weight: number; routeCount: number }[];
  destinations: string[];
  suppliers: { organizationId: string; country: string | null }[];
}

/** How many red flags an entry shows. */
export const TOP_RED_FLAGS = 5;

/**
 * One row per (intermediary, route that counts): a party standing twice on a path stands once.
 * Materialized: every figure reads it.
 */
const standing = (scope: ReExporterScope) => `
  standing AS MATERIALIZED (
    SELECT p.organization_id, r.id AS route_id, r.score, r.status, r.value_usd,
           r.first_shipped_on, r.last_shipped_on, r.red_flags, r.component_id,
           ${destinationOf('r')} AS destination_id, ${originPartyOf('r')} AS origin_party_id
      FROM route r
     CROSS JOIN LATERAL (SELECT DISTINCT u.id FROM unnest(${intermediariesOf('r')}) AS u(id))
           AS p(organization_id)
     WHERE (${scope.routes}) AND (${scope.organizations})
  )`;

/**
 * The ranking's figures of every organization listed. Its value: the legs of its routes that it
 * shipped (exported), each shipment once even when it is a leg of two routes, plus the value of
 * each of its routes that has no legs (recorded by hand without trade data). The legs of the
 * routes are read first, on their own (by route, then each shipment by its key), so the planner
 * never starts from every shipment each exporter ever made (at 40,000 routes, a plan that did
 * took 240 ms, and one that scanned the shipments per route took minutes on stale statistics).
 */
const ranked = `
  legs AS MATERIALIZED (
    SELECT l.route_id, sh.id, sh.exporter_id, coalesce(sh.value_usd, 0) AS value_usd
      FROM route_leg l
      JOIN shipment sh ON sh.id = l.shipment_id
     WHERE l.route_id IN (SELECT route_id FROM standing)
  ), shipped AS (
    SELECT DISTINCT s.organization_id, g.id, g.value_usd
      FROM standing s
      JOIN legs g ON g.route_id = s.route_id AND g.exporter_id = s.organization_id
  ), valued AS (
    SELECT v.organization_id, sum(v.value_usd) AS value_usd
      FROM (SELECT organization_id, value_usd FROM shipped
            UNION ALL
            SELECT s.organization_id, s.value_usd FROM standing s
             WHERE NOT EXISTS (SELECT 1 FROM legs g WHERE g.route_id = s.route_id)) v
     GROUP BY v.organization_id
  ), ranked AS (
    SELECT s.organization_id AS id,
           max(s.score)::int AS highest_score,
           coalesce(v.value_usd, 0) AS value_usd,
           count(*)::int AS route_count,
           (count(*) FILTER (WHERE s.status = '${RouteStatus.CONFIRMED}'))::int AS confirmed_route_count,
           min(s.first_shipped_on) AS first_seen,
           max(s.last_shipped_on) AS last_seen
      FROM standing s
      LEFT JOIN valued v ON v.organization_id = s.organization_id
     GROUP BY s.organization_id, v.value_usd
  )`;

/**
 * The lists of the entries chosen (`chosen`, one row per organization, by `id`): their routes' red
 * flags (most routes first, then heaviest, then by code; the weight is the heaviest the code
 * carried), the destination parties' countries, and the suppliers upstream (the routes' origin
 * parties and their parts' makers, each once, by name).
 */
const lists = `
  flags AS (
    SELECT s.organization_id, f.code, max(f.weight)::int AS weight,
           count(DISTINCT s.route_id)::int AS route_count
      FROM standing s
      JOIN chosen c ON c.id = s.organization_id
     CROSS JOIN LATERAL jsonb_to_recordset(s.red_flags) AS f(code text, weight int)
     GROUP BY s.organization_id, f.code
  ), top_flags AS (
    SELECT q.organization_id,
           json_agg(json_build_object('code', q.code, 'weight', q.weight, 'routeCount', q.route_count)
                    ORDER BY q.n) AS top_red_flags
      FROM (SELECT flags.*, row_number() OVER (PARTITION BY organization_id
                                               ORDER BY route_count DESC, weight DESC, code) AS n
              FROM flags) q
     WHERE q.n <= ${TOP_RED_FLAGS}
     GROUP BY q.organization_id
  ), destinations AS (
    SELECT s.organization_id, array_agg(DISTINCT o.country::text ORDER BY o.country::text) AS list
      FROM standing s
      JOIN chosen c ON c.id = s.organization_id
      JOIN organization o ON o.id = s.destination_id
     WHERE o.country IS NOT NULL
     GROUP BY s.organization_id
  ), suppliers AS (
    SELECT x.organization_id,
           json_agg(json_build_object('organizationId', o.id, 'country', o.country::text)
                    ORDER BY o.name, o.id) AS list
      FROM (SELECT DISTINCT s.organization_id, u.supplier_id
              FROM standing s
              JOIN chosen c ON c.id = s.organization_id
              LEFT JOIN component cp ON cp.id = s.component_id
             CROSS JOIN LATERAL (VALUES (s.origin_party_id), (cp.manufacturer_id)) AS u(supplier_id)
             WHERE u.supplier_id IS NOT NULL) x
      JOIN organization o ON o.id = x.supplier_id
     GROUP BY x.organization_id
  )`;

/**
 * The figures of the organizations in scope, in the order of `rank` (an ORDER BY on alias `c`).
 * `choose` picks the entries from `ranked x` (a keyset page: WHERE, ORDER BY, LIMIT; or nothing:
 * every one).
 */
export const reExportersSql = (scope: ReExporterScope, choose: string, rank: string): string => `
  WITH ${standing(scope)}, ${ranked},
  chosen AS MATERIALIZED (SELECT x.* FROM ranked x ${choose}), ${lists}
  SELECT c.id, c.highest_score, c.value_usd::text AS value_usd, c.route_count,
         c.confirmed_route_count, c.first_seen::text AS first_seen, c.last_seen::text AS last_seen,
         coalesce(t.top_red_flags, '[]') AS top_red_flags,
         coalesce(d.list, '{}') AS destinations,
         coalesce(sp.list, '[]') AS suppliers
    FROM chosen c
    LEFT JOIN top_flags t ON t.organization_id = c.id
    LEFT JOIN destinations d ON d.organization_id = c.id
    LEFT JOIN suppliers sp ON sp.organization_id = c.id
   ORDER BY ${rank}`;

/** How many organizations are in scope. */
export const reExporterCountSql = (scope: ReExporterScope): string => `
  WITH ${standing(scope)}
  SELECT count(DISTINCT organization_id)::int AS n FROM standing`;
