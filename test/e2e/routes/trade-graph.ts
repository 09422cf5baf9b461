import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../../src/auth/auth-user.js';
import { RouteDetectionService } from '../../../src/routes/detection/route-detection.service.js';
import type { TestApp } from '../test-app.js';

export interface OrgOptions {
  roles?: string[];
  incorporatedOn?: string;
  address?: string;
  parentId?: string;
  registrationIds?: Record<string, string>;
}

export interface ShipOptions {
  on: string;
  part?: string;
  hs?: string;
  origin?: string;
  quantity?: number;
  value?: number;
}

export interface StoredRoute {
  id: string;
  path: string[];
  names: string[];
  hasOriginParty: boolean;
  originCountry: string | null;
  componentId: string | null;
  hsCode: string | null;
  score: number;
  flags: { code: string; weight: number; explanation: string }[];
  legs: { position: number; shipmentId: string }[];
  status: string;
  version: number;
  firstShippedOn: string;
  lastShippedOn: string;
  valueUsd: number;
}

/**
 * A small trade graph written straight into the test database: organizations with a unique tag in
 * their names (so a test sees only its own routes), parts, and shipments; then detection, and the
 * routes it stored among these organizations.
 */
export class TradeGraph {
  private readonly tag = randomUUID().slice(0, 8);
  private readonly ids: string[] = [];
  private count = 0;

  constructor(private readonly t: TestApp) {}

  private get ds(): DataSource {
    return this.t.ds;
  }

  async org(name: string, country: string, options: OrgOptions = {}): Promise<string> {
    const full = `${name} ${this.tag}`;
    const [{ id }] = await this.ds.query(
      `INSERT INTO organization (name, normalized_name, country, roles, incorporated_on, address, parent_id,
                                 registration_ids)
       VALUES ($1, lower($1), $2, $3::organization_role[], $4, $5, $6, $7) RETURNING id`,
      [
        full,
        country,
        options.roles ?? ['TRADER'],
        options.incorporatedOn ?? null,
        options.address ?? null,
        options.parentId ?? null,
        JSON.stringify(options.registrationIds ?? {}),
      ],
    );
    this.ids.push(id);
    return id;
  }

  async part(makerId: string, partNumber: string, hs = '854231'): Promise<string> {
    const normalized = `${partNumber}${this.tag}`.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const [{ id }] = await this.ds.query(
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number, category, hs_code)
       VALUES ($1, $2, $3, 'MCU', $4) RETURNING id`,
      [makerId, `${partNumber}-${this.tag}`, normalized, hs],
    );
    return id;
  }

  async ship(from: string, to: string, o: ShipOptions): Promise<string> {
    if (o.hs) {
      await this.ds.query(`INSERT INTO hs_code (code) VALUES ($1) ON CONFLICT (code) DO NOTHING`, [
        o.hs,
      ]);
    }
    const [{ id }] = await this.ds.query(
      `INSERT INTO shipment (shipped_on, exporter_id, importer_id, export_country, import_country,
                             origin_country, hs_code, component_id, quantity, value_usd, source, source_record_id)
       SELECT $1, e.id, i.id, e.country, i.country, $4, $5, $6, $7, $8, 'trade-graph', $9
         FROM organization e, organization i WHERE e.id = $2 AND i.id = $3
       RETURNING id`,
      [
        o.on,
        from,
        to,
        o.origin ?? null,
        o.hs ?? (o.part ? null : '854231'),
        o.part ?? null,
        o.quantity ?? 100,
        o.value ?? 1000,
        `${this.tag}-${++this.count}`,
      ],
    );
    return id;
  }

  /** A verified finding of the part in a Shahed-136, recovered that day. */
  async foundInShahed(partId: string, recoveredOn: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO component_finding (component_id, weapon_system_id, recovered_on, verification_status)
       SELECT $1, id, $2, 'VERIFIED' FROM weapon_system WHERE name = 'Shahed-136'`,
      [partId, recoveredOn],
    );
  }

  /** A listing of the organization in force since that day. */
  async listed(orgId: string, authority: string, program: string, listedOn: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO sanction (organization_id, authority, program, listed_on) VALUES ($1, $2, $3, $4)`,
      [orgId, authority, program, listedOn],
    );
  }

  /** Runs detection (full unless asked) and answers the routes among this graph's organizations. */
  async detect(full = true): Promise<StoredRoute[]> {
    await this.t.app.get(RouteDetectionService).detect(SYSTEM_ACTOR, { full });
    return this.routes();
  }

  async routes(): Promise<StoredRoute[]> {
    const rows: StoredRoute[] = await this.ds.query(
      `SELECT r.id, r.party_path AS path, r.has_origin_party AS "hasOriginParty",
              r.origin_country AS "originCountry", r.component_id AS "componentId", r.hs_code AS "hsCode",
              r.score, r.red_flags AS flags, r.status, r.version,
              r.first_shipped_on::text AS "firstShippedOn", r.last_shipped_on::text AS "lastShippedOn",
              r.value_usd::float8 AS "valueUsd",
              (SELECT array_agg(o.name ORDER BY p.i) FROM unnest(r.party_path) WITH ORDINALITY p(id, i)
                 JOIN organization o ON o.id = p.id) AS names,
              (SELECT coalesce(json_agg(json_build_object('position', l.position, 'shipmentId', l.shipment_id)
                                        ORDER BY l.position, l.shipment_id), '[]')
                 FROM route_leg l WHERE l.route_id = r.id) AS legs
         FROM route r WHERE r.party_path && $1::uuid[]
        ORDER BY names`,
      [this.ids],
    );
    const untag = (name: string) => name.replace(` ${this.tag}`, '');
    return rows.map((r) => ({
      ...r,
      names: r.names.map(untag),
      hsCode: r.hsCode?.trim() ?? null,
      originCountry: r.originCountry?.trim() ?? null,
    }));
  }

  /** The routes as `A > B > C` paths of names, sorted. */
  async paths(full = true): Promise<string[]> {
    return (await this.detect(full)).map((r) => r.names.join(' > '));
  }
}
