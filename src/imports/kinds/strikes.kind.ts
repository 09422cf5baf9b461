import type { LineChecker } from '../field-checks.js';
import type { ImportKind } from '../import-kind.js';
import { rejectRepeatedRecordIds, rejectUnknownWeaponSystems, weaponLookup } from './shared-sql.js';

/** The largest value of a PostgreSQL `integer`. */
const MAX_COUNT = 2_147_483_647;

/** A whole number ≥ 0 that fits the column, as plain digits (`5.0` is `5`). */
function count(c: LineChecker, column: string): string | null | undefined {
  const v = c.amount(column, { integer: true });
  if (!v) return v;
  const n = Number(v);
  return n > MAX_COUNT ? c.reject(column, `${column} is too large`) : String(n);
}

/** Decimal degrees between -limit and limit. */
function degrees(c: LineChecker, column: string, limit: number): string | null | undefined {
  const v = c.text(column, { max: 40 });
  if (!v) return v;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v))
    return c.reject(column, `${column} is not a number: ${JSON.stringify(v)}`);
  return Math.abs(Number(v)) > limit
    ? c.reject(column, `${column} ${v} is out of range: -${limit} to ${limit}`)
    : v;
}

/** Latitude and longitude, checked together: a position is both or neither. */
function position(c: LineChecker): [string | null | undefined, string | null | undefined] {
  const latitude = degrees(c, 'latitude', 90);
  const longitude = degrees(c, 'longitude', 180);
  if (latitude && longitude === null)
    c.reject('longitude', 'longitude must be given with latitude');
  if (longitude && latitude === null) c.reject('latitude', 'latitude must be given with longitude');
  return [latitude, longitude];
}

/**
 * Strike reports. Natural key: source + source_record_id, so importing the same file again changes
 * nothing and a changed line updates its report. The weapon system must exist (by name or designation).
 */
export const strikesKind: ImportKind = {
  name: 'strikes',
  stageColumns: [
    'source_record_id',
    'occurred_at',
    'place',
    'admin_area',
    'country',
    'latitude',
    'longitude',
    'weapon_system',
    'munitions_count',
    'killed',
    'injured',
    'summary',
  ],

  stage(c) {
    const row = [
      c.text('source_record_id', { required: true, max: 200 }),
      c.timestamp('occurred_at', { required: true }),
      c.text('place', { max: 200 }),
      c.text('admin_area', { max: 200 }),
      c.country('country'),
      ...position(c),
      c.text('weapon_system', { max: 200 }),
      count(c, 'munitions_count'),
      count(c, 'killed'),
      count(c, 'injured'),
      c.text('summary', { max: 10_000 }),
    ];
    return c.ok ? (row as (string | null)[]) : null;
  },

  async merge(q, ctx) {
    const rejected = await rejectRepeatedRecordIds(q);
    rejected.push(...(await rejectUnknownWeaponSystems(q)));
    const rows = (await q.query(
      `WITH weapon AS (${weaponLookup})
       INSERT INTO strike_report AS t (source, source_record_id, occurred_at, place, admin_area, country,
         latitude, longitude, weapon_system_id, munitions_count, killed, injured, summary, synthetic)
       SELECT $1, s.source_record_id, s.occurred_at::timestamptz, s.place, s.admin_area, s.country,
              s.latitude::numeric, s.longitude::numeric, w.id, s.munitions_count::integer,
              s.killed::integer, s.injured::integer, s.summary, $2
         FROM import_stage s LEFT JOIN weapon w ON w.given = s.weapon_system
       ON CONFLICT ON CONSTRAINT uq_strike_report_source_source_record_id DO UPDATE SET
         occurred_at = EXCLUDED.occurred_at, place = EXCLUDED.place, admin_area = EXCLUDED.admin_area,
         country = EXCLUDED.country, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
         weapon_system_id = EXCLUDED.weapon_system_id, munitions_count = EXCLUDED.munitions_count,
         killed = EXCLUDED.killed, injured = EXCLUDED.injured, summary = EXCLUDED.summary,
         synthetic = EXCLUDED.synthetic, version = t.version + 1, updated_at = now()
       WHERE (t.occurred_at, t.place, t.admin_area, t.country, t.latitude, t.longitude, t.weapon_system_id,
              t.munitions_count, t.killed, t.injured, t.summary, t.synthetic)
             IS DISTINCT FROM
             (EXCLUDED.occurred_at, EXCLUDED.place, EXCLUDED.admin_area, EXCLUDED.country, EXCLUDED.latitude,
              EXCLUDED.longitude, EXCLUDED.weapon_system_id, EXCLUDED.munitions_count, EXCLUDED.killed,
              EXCLUDED.injured, EXCLUDED.summary, EXCLUDED.synthetic)
       RETURNING (xmax = 0) AS inserted`,
      [ctx.source, ctx.synthetic],
    )) as { inserted: boolean }[];
    const inserted = rows.filter((r) => r.inserted).length;
    return { inserted, updated: rows.length - inserted, rejected };
  },
};
