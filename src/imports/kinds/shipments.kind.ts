import { normalizePartNumber } from '../../components/part-number.js';
import { normalizeOrganizationName } from '../../organizations/normalize-name.js';
import { type ImportKind, rejectRows } from '../import-kind.js';
import {
  organizationLookup,
  insertMissingParties,
  insertMissingMakers,
  makerLookup,
  rejectUnknownCountries,
} from './shared-sql.js';

import { memoize } from '../memoize.js';

const orgName = memoize(normalizeOrganizationName);
const partNumber = memoize(normalizePartNumber);
const norm = (name: string | null | undefined) => (name ? orgName(name) : null);

/**
 * Shipments (customs lines). Natural key: source + source_record_id, so importing the same file again
 * changes nothing. Parties are found by normalized name and country or created; a manufacturer named
 * without a country is the existing manufacturer of that name (created if there is none); components
 * are found or created by manufacturer and normalized part number.
 */
export const shipmentsKind: ImportKind = {
  name: 'shipments',
  stageColumns: [
    'source_record_id',
    'shipped_on',
    'exporter_name',
    'exporter_norm',
    'exporter_country',
    'importer_name',
    'importer_norm',
    'importer_country',
    'origin_country',
    'export_country',
    'import_country',
    'hs_code',
    'part_number',
    'part_norm',
    'manufacturer_name',
    'manufacturer_norm',
    'description',
    'quantity',
    'value_usd',
  ],

  stage(c) {
    const key = c.text('source_record_id', { required: true, max: 200 });
    const shippedOn = c.date('shipped_on', { required: true });
    const exporter = c.text('exporter_name', { max: 300 });
    const importer = c.text('importer_name', { max: 300 });
    const exporterNorm = c.derived(
      'exporter_name',
      norm(exporter),
      'exporter_name has no letters or digits',
    );
    const importerNorm = c.derived(
      'importer_name',
      norm(importer),
      'importer_name has no letters or digits',
    );
    const part = c.text('part_number', { max: 100 });
    const partNorm = c.derived(
      'part_number',
      part ? partNumber(part) : null,
      'part_number has no letters or digits',
    );
    const maker = c.text('manufacturer_name', { max: 300 });
    const makerNorm = c.derived(
      'manufacturer_name',
      norm(maker),
      'manufacturer_name has no letters or digits',
    );
    const row = [
      key,
      shippedOn,
      exporter,
      exporterNorm,
      c.country('exporter_country'),
      importer,
      importerNorm,
      c.country('importer_country'),
      c.country('origin_country'),
      c.country('export_country'),
      c.country('import_country'),
      c.hsCode('hs_code'),
      part,
      partNorm,
      maker,
      makerNorm,
      c.text('description'),
      c.amount('quantity'),
      c.amount('value_usd'),
    ];
    return c.ok ? (row as (string | null)[]) : null;
  },

  async merge(q, ctx) {
    const rejected = await rejectUnknownCountries(q, [
      'exporter_country',
      'importer_country',
      'origin_country',
      'export_country',
      'import_country',
    ]);
    rejected.push(
      ...(await rejectRows(
        q,
        `DELETE FROM import_stage s USING (
           SELECT source_record_id, min(line) AS first FROM import_stage GROUP BY 1 HAVING count(*) > 1
         ) d
         WHERE s.source_record_id = d.source_record_id AND s.line > d.first
         RETURNING s.line, 'source_record_id' AS column, 'duplicate source_record_id, first on line ' || d.first AS message`,
      )),
    );
    await q.query(`INSERT INTO hs_code (code) SELECT DISTINCT hs_code FROM import_stage WHERE hs_code IS NOT NULL
                   ON CONFLICT (code) DO NOTHING`);
    await insertMissingParties(q);
    await insertMissingMakers(q);
    await q.query(
      `WITH maker AS (${makerLookup})
       INSERT INTO component (manufacturer_id, part_number, normalized_part_number, hs_code)
       SELECT DISTINCT ON (m.id, s.part_norm) m.id, s.part_number, s.part_norm, s.hs_code
         FROM import_stage s JOIN maker m ON m.normalized_name = s.manufacturer_norm
        WHERE s.part_norm IS NOT NULL
        ORDER BY m.id, s.part_norm, s.line
       ON CONFLICT ON CONSTRAINT uq_component_manufacturer_id_normalized_part_number DO NOTHING`,
    );
    const rows = (await q.query(
      `WITH party AS (${organizationLookup}), maker AS (${makerLookup})
       INSERT INTO shipment AS t (source, source_record_id, shipped_on, exporter_id, importer_id, origin_country,
         export_country, import_country, hs_code, component_id, part_number_raw, description, quantity, value_usd, synthetic)
       SELECT $1, s.source_record_id, s.shipped_on::date, e.id, i.id, s.origin_country, s.export_country,
              s.import_country, s.hs_code, c.id, s.part_number, s.description, s.quantity::numeric, s.value_usd::numeric, $2
         FROM import_stage s
         LEFT JOIN party e ON e.normalized_name = s.exporter_norm AND e.country IS NOT DISTINCT FROM s.exporter_country
         LEFT JOIN party i ON i.normalized_name = s.importer_norm AND i.country IS NOT DISTINCT FROM s.importer_country
         LEFT JOIN maker m ON m.normalized_name = s.manufacturer_norm
         LEFT JOIN component c ON c.manufacturer_id = m.id AND c.normalized_part_number = s.part_norm
       ON CONFLICT ON CONSTRAINT uq_shipment_source_source_record_id DO UPDATE SET
         shipped_on = EXCLUDED.shipped_on, exporter_id = EXCLUDED.exporter_id, importer_id = EXCLUDED.importer_id,
         origin_country = EXCLUDED.origin_country, export_country = EXCLUDED.export_country,
         import_country = EXCLUDED.import_country, hs_code = EXCLUDED.hs_code, component_id = EXCLUDED.component_id,
         part_number_raw = EXCLUDED.part_number_raw, description = EXCLUDED.description,
         quantity = EXCLUDED.quantity, value_usd = EXCLUDED.value_usd, synthetic = EXCLUDED.synthetic,
         version = t.version + 1, updated_at = now()
       WHERE (t.shipped_on, t.exporter_id, t.importer_id, t.origin_country, t.export_country, t.import_country,
              t.hs_code, t.component_id, t.part_number_raw, t.description, t.quantity, t.value_usd, t.synthetic)
             IS DISTINCT FROM
             (EXCLUDED.shipped_on, EXCLUDED.exporter_id, EXCLUDED.importer_id, EXCLUDED.origin_country,
              EXCLUDED.export_country, EXCLUDED.import_country, EXCLUDED.hs_code, EXCLUDED.component_id,
              EXCLUDED.part_number_raw, EXCLUDED.description, EXCLUDED.quantity, EXCLUDED.value_usd, EXCLUDED.synthetic)
       RETURNING (xmax = 0) AS inserted`,
      [ctx.source, ctx.synthetic],
    )) as { inserted: boolean }[];
    const inserted = rows.filter((r) => r.inserted).length;
    return { inserted, updated: rows.length - inserted, rejected };
  },
};
