import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors.js';
import { assertReferences } from '../../common/references.js';
import type { FlagRouteInput } from './flag-route.input.js';
import { MAX_PARTIES } from './flag-route.input.js';

/** A flagged route before it is stored: its path, goods, dates, value and legs. */
export interface FlaggedPath {
  partyIds: string[];
  hasOriginParty: boolean;
  originCountry: string | null;
  componentId: string | null;
  hsCode: string | null;
  firstShippedOn: string | null;
  lastShippedOn: string | null;
  /** Into the destination, in USD (numeric text). */
  valueUsd: string;
  legs: FlaggedLeg[];
  /** True when it was given as shipments (problems then name `shipmentIds`). */
  fromShipments: boolean;
}

export interface FlaggedLeg {
  position: number;
  shipmentId: string;
  shippedOn: string;
  quantity: string | null;
  valueUsd: string | null;
}

interface ShipmentRow {
  id: string;
  exporter_id: string | null;
  importer_id: string | null;
  shipped_on: string;
  quantity: string | null;
  value_usd: string | null;
  component_id: string | null;
  hs_code: string | null;
  /** The goods' country of origin when it is a coalition country. */
  origin_country: string | null;
}

const bad = (detail: string): AppError =>
  AppError.badInput(`These shipments are not a route: ${detail}`, [
    { field: 'shipmentIds', messages: [detail] },
  ]);

/** The first party's country when it is in the coalition: then it is the origin party. */
async function originParty(
  em: EntityManager,
  first: string,
): Promise<{ hasOriginParty: boolean; country: string | null }> {
  const [row] = await em.query<{ country: string | null; partner: boolean | null }[]>(
    `SELECT o.country, c.risk_group = 'PARTNER' AS partner
       FROM organization o LEFT JOIN country c ON c.code = o.country WHERE o.id = $1`,
    [first],
  );
  return { hasOriginParty: Boolean(row?.partner), country: row?.partner ? row.country : null };
}

/**
 * A route from shipments given in order: each starts a new hop unless it makes the same hop as the
 * one before; a new hop leaves the importer of the hop before. Its goods are the one part they all
 * name, else the one HS code they all carry.
 */
export async function routeFromShipments(
  em: EntityManager,
  input: FlagRouteInput,
): Promise<FlaggedPath> {
  const ids = input.shipmentIds!;
  await assertReferences(
    em,
    'shipment',
    Object.fromEntries(ids.map((id, i) => [`shipmentIds[${i}]`, id])),
  );
  const rows = await em.query<ShipmentRow[]>(
    `SELECT s.id, s.exporter_id, s.importer_id, s.shipped_on::text, s.quantity::text, s.value_usd::text,
            s.component_id, coalesce(s.hs_code, c.hs_code) AS hs_code,
            CASE WHEN oc.risk_group = 'PARTNER' THEN s.origin_country END AS origin_country
       FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, i)
       JOIN shipment s ON s.id = p.id LEFT JOIN component c ON c.id = s.component_id
       LEFT JOIN country oc ON oc.code = s.origin_country
      ORDER BY p.i`,
    [ids],
  );

  const parties: string[] = [];
  const legs: FlaggedLeg[] = [];
  for (const s of rows) {
    if (!s.exporter_id || !s.importer_id)
      throw bad(`shipment ${s.id} names no exporter or importer`);
    const hop = parties.length - 2;
    const same = hop >= 0 && parties[hop] === s.exporter_id && parties[hop + 1] === s.importer_id;
    if (!same) {
      if (parties.length && parties[parties.length - 1] !== s.exporter_id)
        throw bad(`shipment ${s.id} does not leave the importer of the shipment before it`);
      if (!parties.length) parties.push(s.exporter_id);
      if (parties.includes(s.importer_id))
        throw bad(`shipment ${s.id} goes back to a party already on the route`);
      parties.push(s.importer_id);
    }
    legs.push({
      position: parties.length - 2,
      shipmentId: s.id,
      shippedOn: s.shipped_on,
      quantity: s.quantity,
      valueUsd: s.value_usd,
    });
  }
  if (parties.length > MAX_PARTIES)
    throw bad(`a route has at most ${MAX_PARTIES} parties (three intermediaries)`);

  const components = new Set(rows.map((r) => r.component_id));
  const codes = new Set(rows.map((r) => r.hs_code?.trim() ?? null));
  const componentId = components.size === 1 ? [...components][0] : null;
  if (!componentId && (codes.size !== 1 || codes.has(null)))
    throw bad('they carry different goods (one part, or one HS code, along a route)');
  const hsCode = componentId ? (rows[0].hs_code?.trim() ?? null) : [...codes][0];

  const origin = await originParty(em, parties[0]);
  const firstHop = rows.filter((r, i) => legs[i].position === 0).map((r) => r.origin_country);
  const last = legs.filter((l) => l.position === parties.length - 2);
  return {
    partyIds: parties,
    hasOriginParty: origin.hasOriginParty,
    originCountry: origin.country ?? mostCommon(firstHop),
    componentId,
    hsCode,
    firstShippedOn: legs.map((l) => l.shippedOn).sort()[0],
    lastShippedOn: legs
      .map((l) => l.shippedOn)
      .sort()
      .at(-1)!,
    valueUsd: String(last.reduce((sum, l) => sum + Number(l.valueUsd ?? 0), 0)),
    legs,
    fromShipments: true,
  };
}

/** A route from a path of organizations with its goods, and its dates and value when known. */
export async function routeFromParties(
  em: EntityManager,
  input: FlagRouteInput,
): Promise<FlaggedPath> {
  const partyIds = input.partyIds!;
  const origin = await originParty(em, partyIds[0]);
  const [part] = input.componentId
    ? await em.query<
        {
          hs_code: string | null;
        }[]
      >(`SELECT hs_code FROM component WHERE id = $1`, [input.componentId])
    : [];
  return {
    partyIds,
    hasOriginParty: origin.hasOriginParty,
    originCountry: origin.country ?? input.originCountry ?? null,
    componentId: input.componentId ?? null,
    hsCode: input.componentId ? (part?.hs_code?.trim() ?? null) : (input.hsCode ?? null),
    firstShippedOn: input.firstShippedOn ?? null,
    lastShippedOn: input.lastShippedOn ?? input.firstShippedOn ?? null,
    valueUsd: String(input.valueUsd ?? 0),
    legs: [],
    fromShipments: false,
  };
}

const mostCommon = (values: (string | null)[]): string | null => {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return (
    [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null
  );
};
