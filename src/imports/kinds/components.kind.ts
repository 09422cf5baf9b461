import { ComponentCategory } from '../../components/component.enums.js';
import { normalizePartNumber } from '../../components/part-number.js';
import { affected, type ImportKind, rejectRows } from '../import-kind.js';
import { memoize } from '../memoize.js';
import type { RowError } from '../row-error.js';
import { stageMakerName, stagePlacedName } from './organization-names.js';
import { insertMissingMakers, makerLookup } from './shared-sql.js';

const CATEGORIES = Object.values(ComponentCategory);
const partNumber = memoize(normalizePartNumber);

/** Manufacturers named with a country: by normalized name and country, preferring the MANUFACTURER role. */
const placedMakerLookup = `
  SELECT DISTINCT ON (o.normalized_name, o.country) o.id, o.normalized_name, o.country
    FROM organization o
   WHERE o.archived_at IS NULL
     AND (o.normalized_name, o.country) IN (
       SELECT manufacturer_norm, manufacturer_country FROM import_stage WHERE manufacturer_country IS NOT NULL)
   ORDER BY o.normalized_name, o.country, ('MANUFACTURER' = ANY (o.roles)) DESC, o.created_at, o.id`;

/**
 * Components (the catalogue of part types). Natural key: manufacturer + normalized part number. A
 * manufacturer named with a country is the live organization of that name and country, one named
 * without is the live organization of that name whatever its country (a manufacturer preferred); either
 * is created (as a MANUFACTURER) when there is none. A known component takes the line's description,
 * category and HS code when given; its part number as first written stays.
 */
export const componentsKind: ImportKind = {
  name: 'components',
  stageColumns: [
    'manufacturer_name',
    'manufacturer_norm',
    'manufacturer_country',
    'part_number',
    'part_norm',
    'description',
    'category',
    'hs_code',
  ],

  stage(c, ctx) {
    const country = c.country('manufacturer_country');
    const [maker, makerNorm] = country
      ? stagePlacedName(c, 'manufacturer_name', country, ctx.makers, { required: true })
      : stageMakerName(c, 'manufacturer_name', ctx.makers, { required: true });
    const part = c.text('part_number', { required: true, max: 100 });
    const row = [
      maker,
      makerNorm,
      country,
      part,
      c.derived(
        'part_number',
        part ? partNumber(part) : null,
        'part_number has no letters or digits',
      ),
      c.text('description'),
      c.oneOf('category', CATEGORIES),
      c.hsCode('hs_code'),
    ];
    return c.ok ? (row as (string | null)[]) : null;
  },

  async merge(q, ctx) {
    const rejected: RowError[] = [];
    await q.query(`INSERT INTO hs_code (code) SELECT DISTINCT hs_code FROM import_stage WHERE hs_code IS NOT NULL
                   ON CONFLICT (code) DO NOTHING`);
    // Makers with a country first: a maker named without one then finds them by name.
    await q.query(
      `INSERT INTO organization (name, normalized_name, country, roles, synthetic)
       SELECT DISTINCT ON (s.manufacturer_norm, s.manufacturer_country)
              s.manufacturer_name, s.manufacturer_norm, s.manufacturer_country, '{MANUFACTURER}', $1
         FROM import_stage s
        WHERE s.manufacturer_country IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.archived_at IS NULL
                            AND o.normalized_name = s.manufacturer_norm AND o.country = s.manufacturer_country)
        ORDER BY s.manufacturer_norm, s.manufacturer_country, s.line`,
      [ctx.synthetic],
    );
    await insertMissingMakers(q, ctx.synthetic);
    await q.query('DROP TABLE IF EXISTS import_match');
    await q.query(
      `CREATE TEMP TABLE import_match AS
       WITH maker AS (${makerLookup}), placed AS (${placedMakerLookup})
       SELECT s.*, coalesce(p.id, m.id) AS manufacturer_id, c.id AS component_id, c.archived_at
         FROM import_stage s
         LEFT JOIN placed p ON p.normalized_name = s.manufacturer_norm AND p.country = s.manufacturer_country
         LEFT JOIN maker m ON s.manufacturer_country IS NULL AND m.normalized_name = s.manufacturer_norm
         LEFT JOIN component c ON c.manufacturer_id = coalesce(p.id, m.id) AND c.normalized_part_number = s.part_norm`,
    );
    rejected.push(
      ...(await rejectRows(
        q,
        `DELETE FROM import_match m USING (
           SELECT manufacturer_id, part_norm, min(line) AS first FROM import_match GROUP BY 1, 2 HAVING count(*) > 1
         ) d
         WHERE m.manufacturer_id = d.manufacturer_id AND m.part_norm = d.part_norm AND m.line > d.first
         RETURNING m.line, 'part_number' AS column, 'the same component as line ' || d.first AS message`,
      )),
    );
    rejected.push(
      ...(await rejectRows(
        q,
        `DELETE FROM import_match m WHERE m.archived_at IS NOT NULL
         RETURNING m.line, 'part_number' AS column,
                   'component ' || m.part_number || ' of this manufacturer is archived: imports leave it as it is' AS message`,
      )),
    );
    const updated = await affected(
      q,
      `UPDATE component c SET
         description = coalesce(m.description, c.description),
         category = coalesce(m.category::component_category, c.category),
         hs_code = coalesce(m.hs_code, c.hs_code),
         version = c.version + 1, updated_at = now()
         FROM import_match m
        WHERE c.id = m.component_id
          AND (c.description, c.category, c.hs_code) IS DISTINCT FROM
              (coalesce(m.description, c.description), coalesce(m.category::component_category, c.category),
               coalesce(m.hs_code, c.hs_code))`,
    );
    const inserted = await affected(
      q,
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number, description, category, hs_code)
       SELECT manufacturer_id, part_number, part_norm, description,
              coalesce(category::component_category, 'OTHER'), hs_code
         FROM import_match WHERE component_id IS NULL
       ON CONFLICT ON CONSTRAINT uq_component_manufacturer_id_normalized_part_number DO NOTHING`,
    );
    await q.query('DROP TABLE import_match');
    return { inserted, updated, rejected };
  },
};
