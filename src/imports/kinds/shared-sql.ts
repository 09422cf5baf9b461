import type { QueryRunner } from 'typeorm';
import { rejectRows } from '../import-kind.js';
import type { RowError } from '../row-error.js';

/**
 * The organizations a batch names as parties, one per normalized name and country (the oldest live
 * one when several match).
 */
export const organizationLookup = `
  SELECT DISTINCT ON (o.normalized_name, o.country) o.id, o.normalized_name, o.country
    FROM organization o
   WHERE o.archived_at IS NULL
     AND o.normalized_name IN (SELECT exporter_norm FROM import_stage UNION SELECT importer_norm FROM import_stage)
   ORDER BY o.normalized_name, o.country, o.created_at, o.id`;

/** Manufacturers by normalized name whatever their country, preferring those with the MANUFACTURER role. */
export const makerLookup = `
  SELECT DISTINCT ON (o.normalized_name) o.id, o.normalized_name
    FROM organization o
   WHERE o.archived_at IS NULL AND o.normalized_name IN (SELECT manufacturer_norm FROM import_stage)
   ORDER BY o.normalized_name, ('MANUFACTURER' = ANY (o.roles)) DESC, o.created_at, o.id`;

/** Creates the exporters and importers a batch names that no live organization matches. */
export async function insertMissingParties(q: QueryRunner, synthetic: boolean): Promise<void> {
  await q.query(
    `INSERT INTO organization (name, normalized_name, country, synthetic)
     SELECT DISTINCT ON (p.norm, p.country) p.name, p.norm, p.country, $1
       FROM (SELECT exporter_name AS name, exporter_norm AS norm, exporter_country AS country, line FROM import_stage
              WHERE exporter_norm IS NOT NULL
             UNION ALL
             SELECT importer_name, importer_norm, importer_country, line FROM import_stage WHERE importer_norm IS NOT NULL) p
      WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.archived_at IS NULL AND o.normalized_name = p.norm
                          AND o.country IS NOT DISTINCT FROM p.country)
      ORDER BY p.norm, p.country, p.line`,
    [synthetic],
  );
}

/** Creates the manufacturers a batch names that no live organization of that name is (country unknown). */
export async function insertMissingMakers(q: QueryRunner, synthetic: boolean): Promise<void> {
  await q.query(
    `INSERT INTO organization (name, normalized_name, roles, synthetic)
     SELECT DISTINCT ON (s.manufacturer_norm) s.manufacturer_name, s.manufacturer_norm, '{MANUFACTURER}', $1
       FROM import_stage s
      WHERE s.manufacturer_norm IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.archived_at IS NULL AND o.normalized_name = s.manufacturer_norm)
      ORDER BY s.manufacturer_norm, s.line`,
    [synthetic],
  );
}

/**
 * For each staged row `s` (columns `norm`, `country`, `registration_ids`), the live organization sharing
 * one of its registration ids (`by_id.id`) and the one of its normalized name and country
 * (`by_name.id`), the oldest when several match. The registration id wins when both are found.
 * The oldest is chosen by an aggregate, not `ORDER BY … LIMIT 1`: with a limit the planner walks the
 * (created_at, id) index and tests every organization against the GIN condition, once a staged row
 * (100,000 rows against 50,000 organizations took minutes; by the GIN index, seconds).
 */
export const organizationMatchJoins = `
  LEFT JOIN LATERAL (
    SELECT (array_agg(o.id ORDER BY o.created_at, o.id))[1] AS id
      FROM organization o, jsonb_each_text(s.registration_ids::jsonb) r
     WHERE o.archived_at IS NULL AND o.registration_ids @> jsonb_build_object(r.key, r.value)) by_id ON true
  LEFT JOIN LATERAL (
    SELECT (array_agg(o.id ORDER BY o.created_at, o.id))[1] AS id
      FROM organization o
     WHERE o.archived_at IS NULL AND o.normalized_name = s.norm AND o.country IS NOT DISTINCT FROM s.country) by_name ON true`;

/**
 * Creates the components a batch names (manufacturer and normalized part number) that do not exist yet,
 * with the part number as first written and, when the batch stages one, its HS code.
 */
export async function insertMissingComponents(q: QueryRunner, withHsCode: boolean): Promise<void> {
  const hs = withHsCode ? ', hs_code' : '';
  await q.query(
    `WITH maker AS (${makerLookup})
     INSERT INTO component (manufacturer_id, part_number, normalized_part_number${hs})
     SELECT DISTINCT ON (m.id, s.part_norm) m.id, s.part_number, s.part_norm${hs.replace(', ', ', s.')}
       FROM import_stage s JOIN maker m ON m.normalized_name = s.manufacturer_norm
      WHERE s.part_norm IS NOT NULL
      ORDER BY m.id, s.part_norm, s.line
     ON CONFLICT ON CONSTRAINT uq_component_manufacturer_id_normalized_part_number DO NOTHING`,
  );
}

/** Refuses the later lines of a batch that repeat a `source_record_id` (the first one goes in). */
export function rejectRepeatedRecordIds(q: QueryRunner): Promise<RowError[]> {
  return rejectRows(
    q,
    `DELETE FROM import_stage s USING (
       SELECT source_record_id, min(line) AS first FROM import_stage GROUP BY 1 HAVING count(*) > 1
     ) d
     WHERE s.source_record_id = d.source_record_id AND s.line > d.first
     RETURNING s.line, 'source_record_id' AS column, 'duplicate source_record_id, first on line ' || d.first AS message`,
  );
}

/** Lower case without spaces, dashes or other punctuation: `Shahed 136` is `shahed136`. */
const weaponKey = (sql: string) => `lower(regexp_replace(${sql}, '[^[:alnum:]]+', '', 'g'))`;

/**
 * The weapon systems a batch names in `weapon_system` (column `given`), by name or designation, case,
 * spaces and dashes aside (`shahed 136`, `GERAN-2`); a name wins over another system's designation.
 */
export const weaponLookup = `
  SELECT DISTINCT ON (n.given) n.given, w.id
    FROM (SELECT DISTINCT weapon_system AS given FROM import_stage WHERE weapon_system IS NOT NULL) n
    JOIN weapon_system w
      ON ${weaponKey('w.name')} = ${weaponKey('n.given')}
      OR ${weaponKey('n.given')} IN (SELECT ${weaponKey('d')} FROM unnest(w.designations) d)
   ORDER BY n.given, ${weaponKey('w.name')} = ${weaponKey('n.given')} DESC, w.name, w.id`;

/** Refuses staged rows whose `weapon_system` names no known weapon system. */
export function rejectUnknownWeaponSystems(q: QueryRunner): Promise<RowError[]> {
  return rejectRows(
    q,
    `WITH weapon AS (${weaponLookup})
     DELETE FROM import_stage s
      WHERE s.weapon_system IS NOT NULL AND NOT EXISTS (SELECT 1 FROM weapon w WHERE w.given = s.weapon_system)
     RETURNING s.line, 'weapon_system' AS column,
               'unknown weapon system ' || s.weapon_system || ': give the name or a designation of a known one' AS message`,
  );
}
