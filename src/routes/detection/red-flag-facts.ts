import type { QueryRunner } from 'typeorm';
import type { ListingFacts, PartyFacts, RouteFacts } from './red-flag-rules.js';

/** A route as detection found it: its path and goods, and its candidate id in `rd_leg`. */
export interface FoundRoute {
  candidate: number;
  path: string[];
  hasOriginParty: boolean;
  componentId: string | null;
  hsCode: string | null;
  firstShippedOn: string;
  lastShippedOn: string;
  valueUsd: string;
  originCountry: string | null;
}

const intermediariesOf = (r: FoundRoute) => r.path.slice(r.hasOriginParty ? 1 : 0, -1);

/**
 * The facts the red-flag rules read, for every route found, in six statements whatever their
 * number: the parties, their listings in force, the goods' HS codes and findings, each party's first
 * leg and each intermediary's shortest stay (from `rd_leg`), and the intermediaries' volumes.
 */
export async function gatherFacts(q: QueryRunner, routes: FoundRoute[]): Promise<RouteFacts[]> {
  const partyIds = [...new Set(routes.flatMap((r) => r.path))];
  const middleIds = [...new Set(routes.flatMap(intermediariesOf))];
  const components = [...new Set(routes.flatMap((r) => (r.componentId ? [r.componentId] : [])))];
  const hsCodes = [...new Set(routes.flatMap((r) => (r.hsCode ? [r.hsCode] : [])))];
  const candidates = routes.map((r) => r.candidate);

  const parties = new Map<string, PartyFacts>(
    (
      (await q.query(
        `SELECT o.id, o.name, o.country, c.risk_group AS "riskGroup",
                o.incorporated_on::text AS "incorporatedOn",
                nullif(upper(regexp_replace(btrim(o.address), '\\s+', ' ', 'g')), '') AS address,
                o.parent_id AS "parentId", p.name AS "parentName",
                o.registration_ids AS "registrationIds"
           FROM organization o
           LEFT JOIN country c ON c.code = o.country
           LEFT JOIN organization p ON p.id = o.parent_id
          WHERE o.id = ANY($1::uuid[])`,
        [partyIds],
      )) as PartyFacts[]
    ).map((p) => [p.id, p]),
  );

  const listings = new Map<string, ListingFacts[]>();
  for (const l of (await q.query(
    `SELECT organization_id AS "organizationId", authority, program, listed_on::text AS "listedOn"
       FROM sanction
      WHERE organization_id = ANY($1::uuid[])
        AND listed_on <= current_date AND (delisted_on IS NULL OR delisted_on > current_date)
      ORDER BY listed_on, authority`,
    [partyIds],
  )) as (ListingFacts & { organizationId: string })[]) {
    listings.set(l.organizationId, [...(listings.get(l.organizationId) ?? []), l]);
  }

  const hs = new Map(
    (
      (await q.query(
        `SELECT code, chpl_tier AS tier, description FROM hs_code WHERE code = ANY($1::text[])`,
        [hsCodes],
      )) as { code: string; tier: string | null; description: string | null }[]
    ).map((h) => [h.code.trim(), h]),
  );

  // Findings of the same part number, whoever recorded the maker: retracted ones do not count.
  const parts = new Map(
    (
      (await q.query(
        `SELECT c.id, c.part_number AS "partNumber", count(f.id)::int AS findings,
                (array_agg(w.name ORDER BY f.recovered_on NULLS LAST, f.created_at)
                   FILTER (WHERE w.name IS NOT NULL))[1] AS weapon,
                min(f.recovered_on)::text AS "firstRecoveredOn"
           FROM component c
           LEFT JOIN component same ON same.normalized_part_number = c.normalized_part_number
           LEFT JOIN component_finding f
             ON f.component_id = same.id AND f.verification_status <> 'RETRACTED'
           LEFT JOIN weapon_system w ON w.id = f.weapon_system_id
          WHERE c.id = ANY($1::uuid[])
          GROUP BY c.id, c.part_number`,
        [components],
      )) as {
        id: string;
        partNumber: string;
        findings: number;
        weapon: string | null;
        firstRecoveredOn: string | null;
      }[]
    ).map((p) => [p.id, p]),
  );

  // Per candidate and position: the leg's first date, and (for departures from an intermediary)
  // the shortest stay: days from the latest arrival before a departure to that departure.
  const legFacts = (await q.query(
    `SELECT l.candidate, l.position, min(l.shipped_on)::text AS first_on,
            min(l.shipped_on - (SELECT max(a.shipped_on) FROM rd_leg a
                                 WHERE a.candidate = l.candidate AND a.position = l.position - 1
                                   AND a.shipped_on <= l.shipped_on)) AS shortest_stay
       FROM rd_leg l WHERE l.candidate = ANY($1::bigint[])
      GROUP BY l.candidate, l.position`,
    [candidates],
  )) as { candidate: string; position: number; first_on: string; shortest_stay: number | null }[];

  const volumes = new Map(
    (
      (await q.query(
        `SELECT p.id,
                (SELECT coalesce(sum(s.value_usd), 0) FROM shipment s WHERE s.importer_id = p.id)::float8
                  AS received,
                (SELECT coalesce(sum(s.value_usd), 0) FROM shipment s
                   JOIN country c ON c.code = s.import_country AND c.risk_group = 'DESTINATION_OF_CONCERN'
                  WHERE s.exporter_id = p.id)::float8 AS "sentToConcern"
           FROM unnest($1::uuid[]) AS p(id)`,
        [middleIds],
      )) as { id: string; received: number; sentToConcern: number }[]
    ).map((v) => [v.id, v]),
  );

  return routes.map((r) => {
    const firstLegOn = new Map<string, string>();
    const shortestStay = new Map<string, number>();
    for (const f of legFacts.filter((x) => Number(x.candidate) === r.candidate)) {
      for (const party of [r.path[f.position], r.path[f.position + 1]]) {
        const known = firstLegOn.get(party);
        if (!known || f.first_on < known) firstLegOn.set(party, f.first_on);
      }
      if (f.position > 0 && f.shortest_stay !== null)
        shortestStay.set(r.path[f.position], Number(f.shortest_stay));
    }
    const part = r.componentId ? parts.get(r.componentId) : undefined;
    return {
      parties: r.path.map((id) => parties.get(id)!),
      hasOriginParty: r.hasOriginParty,
      hsCode: r.hsCode
        ? (hs.get(r.hsCode) ?? { code: r.hsCode, tier: null, description: null })
        : null,
      part: part ?? null,
      listings,
      firstLegOn,
      shortestStay,
      volumes,
    };
  });
}
