import { normalizePartNumber } from '../../components/part-number.js';
import { VerificationStatus } from '../../findings/finding.enums.js';
import type { LineChecker } from '../field-checks.js';
import { affected, type ImportContext, type ImportKind, rejectRows } from '../import-kind.js';
import { memoize } from '../memoize.js';
import { stageMakerName } from './organization-names.js';
import {
  insertMissingComponents,
  insertMissingMakers,
  makerLookup,
  rejectRepeatedRecordIds,
  rejectUnknownWeaponSystems,
  weaponLookup,
} from './shared-sql.js';

const partNumber = memoize(normalizePartNumber);
const STATUSES = Object.values(VerificationStatus);
/** The certainty grades of published component reports, read as the demo data reads them. */
const CERTAINTY: Record<string, VerificationStatus> = {
  H: VerificationStatus.VERIFIED,
  M: VerificationStatus.REPORTED,
  L: VerificationStatus.DISPUTED,
};

/** `verification_status`, or `certainty` H / M / L (HIGH, MEDIUM, LOW); both given must agree. */
function status(c: LineChecker): string | null | undefined {
  const given = c.oneOf('verification_status', STATUSES);
  const grade = c.oneOf('certainty', ['H', 'M', 'L', 'HIGH', 'MEDIUM', 'LOW']);
  const graded = grade ? CERTAINTY[grade[0]] : grade;
  if (given && graded && given !== graded) {
    return c.reject('certainty', `certainty ${grade} means ${graded}, not ${given}`);
  }
  return given || graded;
}

/** The maker's normalized name and the normalized part number, which find the component. */
function component(c: LineChecker, ctx: ImportContext): (string | null | undefined)[] {
  const [maker, makerNorm] = stageMakerName(c, 'manufacturer_name', ctx.makers, {
    required: true,
  });
  const part = c.text('part_number', { required: true, max: 100 });
  const partNorm = c.derived(
    'part_number',
    part ? partNumber(part) : null,
    'part_number has no letters or digits',
  );
  return [maker, makerNorm, part, partNorm];
}

/**
 * Component findings: a part recovered from a weapon. Natural key: source + source_record_id. The
 * component is found by manufacturer and normalized part number, or created (a part not yet in the
 * catalogue is a finding too); the strike is named by its source_record_id in the same source.
 */
export const findingsKind: ImportKind = {
  name: 'findings',
  stageColumns: [
    'source_record_id',
    'strike_record_id',
    'weapon_system',
    'manufacturer_name',
    'manufacturer_norm',
    'part_number',
    'part_norm',
    'marking',
    'date_code',
    'lot_code',
    'serial',
    'recovered_on',
    'sample_ref',
    'verification_status',
  ],

  stage(c, ctx) {
    const row = [
      c.text('source_record_id', { required: true, max: 200 }),
      c.text('strike_record_id', { max: 200 }),
      c.text('weapon_system', { max: 200 }),
      ...component(c, ctx),
      c.text('marking', { max: 1000 }),
      c.text('date_code', { max: 40 }),
      c.text('lot_code', { max: 80 }),
      c.text('serial', { max: 120 }),
      c.date('recovered_on'),
      c.text('sample_ref', { max: 200 }),
      status(c),
    ];
    return c.ok ? (row as (string | null)[]) : null;
  },

  async merge(q, ctx) {
    // Two imports of one source at once would race between the update and the insert below.
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('findings ' || $1))`, [ctx.source]);
    const rejected = await rejectRepeatedRecordIds(q);
    rejected.push(...(await rejectUnknownWeaponSystems(q)));
    rejected.push(
      ...(await rejectRows(
        q,
        `DELETE FROM import_stage s
          WHERE s.strike_record_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM strike_report r WHERE r.source = $1 AND r.source_record_id = s.strike_record_id)
         RETURNING s.line, 'strike_record_id' AS column,
                   'no strike report ' || s.strike_record_id || ' in source ' || $1 || ': import the strikes first' AS message`,
        [ctx.source],
      )),
    );
    rejected.push(
      ...(await rejectRows(
        q,
        `WITH maker AS (${makerLookup})
         DELETE FROM import_stage s USING maker m, component c
          WHERE m.normalized_name = s.manufacturer_norm AND c.manufacturer_id = m.id
            AND c.normalized_part_number = s.part_norm AND c.archived_at IS NOT NULL
         RETURNING s.line, 'part_number' AS column, 'component ' || c.part_number || ' is archived' AS message`,
      )),
    );
    await insertMissingMakers(q, ctx.synthetic);
    await insertMissingComponents(q, false);
    // Each line with its references resolved; without a weapon system, a finding takes its strike's.
    await q.query('DROP TABLE IF EXISTS finding_match');
    await q.query(
      `CREATE TEMP TABLE finding_match AS
       WITH maker AS (${makerLookup}), weapon AS (${weaponLookup})
       SELECT s.source_record_id, c.id AS component_id, coalesce(w.id, r.weapon_system_id) AS weapon_system_id,
              r.id AS strike_report_id, s.sample_ref, s.marking, s.date_code, s.lot_code, s.serial,
              s.recovered_on::date AS recovered_on, s.verification_status::verification_status AS status
         FROM import_stage s
         JOIN maker m ON m.normalized_name = s.manufacturer_norm
         JOIN component c ON c.manufacturer_id = m.id AND c.normalized_part_number = s.part_norm
         LEFT JOIN weapon w ON w.given = s.weapon_system
         LEFT JOIN strike_report r ON r.source = $1 AND r.source_record_id = s.strike_record_id`,
      [ctx.source],
    );
    // A line without a status keeps the finding's (a review done since is not undone).
    const updated = await affected(
      q,
      `UPDATE component_finding t SET component_id = m.component_id, weapon_system_id = m.weapon_system_id,
              strike_report_id = m.strike_report_id, sample_ref = m.sample_ref, marking = m.marking,
              date_code = m.date_code, lot_code = m.lot_code, serial = m.serial, recovered_on = m.recovered_on,
              verification_status = coalesce(m.status, t.verification_status),
              version = t.version + 1, updated_at = now()
         FROM finding_match m
        WHERE t.source = $1 AND t.source_record_id = m.source_record_id
          AND (t.component_id, t.weapon_system_id, t.strike_report_id, t.sample_ref, t.marking, t.date_code,
               t.lot_code, t.serial, t.recovered_on, t.verification_status)
              IS DISTINCT FROM
              (m.component_id, m.weapon_system_id, m.strike_report_id, m.sample_ref, m.marking, m.date_code,
               m.lot_code, m.serial, m.recovered_on, coalesce(m.status, t.verification_status))`,
      [ctx.source],
    );
    const inserted = await affected(
      q,
      `INSERT INTO component_finding (source, source_record_id, component_id, weapon_system_id, strike_report_id,
         sample_ref, marking, date_code, lot_code, serial, recovered_on, verification_status)
       SELECT $1::text, m.source_record_id, m.component_id, m.weapon_system_id, m.strike_report_id, m.sample_ref,
              m.marking, m.date_code, m.lot_code, m.serial, m.recovered_on, coalesce(m.status, 'REPORTED')
         FROM finding_match m
        WHERE NOT EXISTS (SELECT 1 FROM component_finding t WHERE t.source = $1 AND t.source_record_id = m.source_record_id)
       ON CONFLICT ON CONSTRAINT uq_component_finding_source_source_record_id DO NOTHING`,
      [ctx.source],
    );
    await q.query('DROP TABLE finding_match');
    return { inserted, updated, rejected };
  },
};
