import type { DataSource } from 'typeorm';

/** Rows of `table` (strike_report, component_finding, shipment) imported from `source`. */
export const countBySource = async (ds: DataSource, table: string, source: string) =>
  (await ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE source = $1`, [source]))[0]
    .n as number;

/** Each row's id and version: equal before and after when an import changed nothing. */
export const versionsBySource = (ds: DataSource, table: string, source: string) =>
  ds.query(`SELECT id, version FROM ${table} WHERE source = $1 ORDER BY id`, [source]);

/** The strike reports of a source as stored, by source record id, with their weapon system's name. */
export const importedStrikes = (ds: DataSource, source: string) =>
  ds.query(
    `SELECT s.source_record_id AS id, s.occurred_at, s.place, s.admin_area, s.country, s.latitude,
            s.longitude, w.name AS weapon, s.munitions_count, s.killed, s.injured, s.summary,
            s.synthetic, s.version
       FROM strike_report s LEFT JOIN weapon_system w ON w.id = s.weapon_system_id
      WHERE s.source = $1 ORDER BY 1`,
    [source],
  );

/** The findings of a source as stored, with their strike's record id, weapon, maker and part. */
export const importedFindings = (ds: DataSource, source: string) =>
  ds.query(
    `SELECT f.source_record_id AS id, r.source_record_id AS strike, w.name AS weapon, m.name AS maker,
            c.id AS component_id, c.part_number AS part, f.marking, f.date_code, f.lot_code, f.serial,
            f.recovered_on::text AS recovered_on, f.sample_ref, f.verification_status AS status, f.version
       FROM component_finding f JOIN component c ON c.id = f.component_id
       JOIN organization m ON m.id = c.manufacturer_id
       LEFT JOIN strike_report r ON r.id = f.strike_report_id
       LEFT JOIN weapon_system w ON w.id = f.weapon_system_id
      WHERE f.source = $1 ORDER BY 1`,
    [source],
  );

/** How many organizations and components there are: an import that found them all creates none. */
export const catalogueSize = async (ds: DataSource) =>
  (
    await ds.query(
      `SELECT (SELECT count(*)::int FROM organization) AS orgs, (SELECT count(*)::int FROM component) AS components`,
    )
  )[0] as { orgs: number; components: number };
