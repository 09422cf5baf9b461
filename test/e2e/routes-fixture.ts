import type { DataSource } from 'typeorm';

/**
 * Hand-built re-export routes for the routes API tests: organizations, parts, shipments and routes
 * written straight into the tables, so the API is tested apart from detection.
 */
export interface RouteRow {
  path: string[];
  hasOriginParty?: boolean;
  originCountry?: string | null;
  componentId?: string | null;
  hsCode?: string | null;
  firstShippedOn?: string | null;
  lastShippedOn?: string | null;
  valueUsd?: number;
  score: number;
  status?: 'OPEN' | 'UNDER_REVIEW' | 'CONFIRMED' | 'DISMISSED';
  source?: 'DETECTED' | 'MANUAL';
  redFlags?: { code: string; weight: number; explanation: string }[];
  note?: string | null;
  /** Shipment ids by position (hop). */
  legs?: { shipmentId: string; position: number }[];
}

export const insertOrganization = async (
  ds: DataSource,
  name: string,
  country: string | null,
  extra: { successorId?: string; roles?: string[] } = {},
): Promise<string> =>
  (
    await ds.query(
      `INSERT INTO organization (name, normalized_name, country, roles, successor_id)
       VALUES ($1, lower($1), $2, $3::organization_role[], $4) RETURNING id`,
      [name, country, extra.roles ?? [], extra.successorId ?? null],
    )
  )[0].id;

export const insertComponent = async (
  ds: DataSource,
  manufacturerId: string,
  partNumber: string,
  hsCode: string | null,
): Promise<string> =>
  (
    await ds.query(
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number, category, hs_code)
       VALUES ($1, $2, $2, 'MCU', $3) RETURNING id`,
      [manufacturerId, partNumber, hsCode],
    )
  )[0].id;

let records = 0;
export const insertShipment = async (
  ds: DataSource,
  s: {
    shippedOn: string;
    exporterId: string;
    importerId: string;
    componentId?: string | null;
    hsCode?: string | null;
    valueUsd?: number;
  },
): Promise<string> =>
  (
    await ds.query(
      `INSERT INTO shipment (shipped_on, exporter_id, importer_id, component_id, hs_code, value_usd,
                             source, source_record_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'e2e-routes', $7) RETURNING id`,
      [
        s.shippedOn,
        s.exporterId,
        s.importerId,
        s.componentId ?? null,
        s.hsCode ?? null,
        s.valueUsd ?? null,
        `R-${++records}`,
      ],
    )
  )[0].id;

export async function insertRoute(ds: DataSource, r: RouteRow): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO route (identity_hash, party_path, has_origin_party, origin_country, component_id,
                        hs_code, first_shipped_on, last_shipped_on, value_usd, score, red_flags,
                        source, status, note)
     VALUES (route_identity($1::uuid[], $2, $3), $1, $4, $5, $2, $3, $6, $7, $8, $9, $10,
             $11, $12, $13) RETURNING id`,
    [
      r.path,
      r.componentId ?? null,
      r.hsCode ?? null,
      r.hasOriginParty ?? false,
      r.originCountry ?? null,
      r.firstShippedOn ?? null,
      r.lastShippedOn ?? null,
      r.valueUsd ?? 0,
      r.score,
      JSON.stringify(r.redFlags ?? []),
      r.source ?? 'DETECTED',
      r.status ?? 'OPEN',
      r.note ?? null,
    ],
  );
  for (const leg of r.legs ?? []) {
    await ds.query(`INSERT INTO route_leg (route_id, shipment_id, position) VALUES ($1, $2, $3)`, [
      id,
      leg.shipmentId,
      leg.position,
    ]);
  }
  return id;
}
