import { AppError, ErrorCode } from '../../common/errors.js';
import { isUniqueViolation } from '../../common/unique-violation.js';
import { normalizePartNumber } from '../../components/part-number.js';
import type { ImportKind } from '../import-kind.js';
import {
  insertMissingComponents,
  insertMissingMakers,
  insertMissingParties,
  makerLookup,
  organizationLookup,
  rejectRepeatedRecordIds,
} from './shared-sql.js';

import { memoize } from '../memoize.js';
import { stageMakerName, stagePlacedName } from './organization-names.js';
import {
  type Reference,
  referenceCheck,
  resumeRowTriggers,
  suspendRowTriggers,
} from './set-based-references.js';

const partNumber = memoize(normalizePartNumber);

/** `shipment`'s foreign keys, checked once per batch (see set-based-references.ts). */
const SHIPMENT_REFERENCES: Reference[] = [
  { columns: ['exporter_id', 'importer_id'], table: 'organization', key: 'id' },
  { columns: ['component_id'], table: 'component', key: 'id' },
  { columns: ['hs_code'], table: 'hs_code', key: 'code' },
  {
    columns: ['origin_country', 'export_country', 'import_country'],
    table: 'country',
    key: 'code',
  },
  { columns: ['import_run_id'], table: 'import_run', key: 'id' },
];
const REFERENCE_COLUMNS = SHIPMENT_REFERENCES.flatMap((r) => r.columns).join(', ');
const references = referenceCheck(SHIPMENT_REFERENCES);

/** What a line sets on its shipment; a re-imported line that sets the same leaves it unchanged. */
const VALUE_COLUMNS = [
  'shipped_on',
  'exporter_id',
  'importer_id',
  'origin_country',
  'export_country',
  'import_country',
  'hs_code',
  'component_id',
  'part_number_raw',
  'description',
  'quantity',
  'value_usd',
  'synthetic',
];
const VALUES = VALUE_COLUMNS.join(', ');
const list = (alias: string) => VALUE_COLUMNS.map((c) => `${alias}.${c}`).join(', ');

/**
 * Each staged line with what it sets on its shipment (parties, maker and component resolved; values
 * cast to the columns' types, so that `500` and `500.000` compare equal) and the shipment of its key
 * if there is one, with whether the line changes it.
 */
const CURRENT = `
  line AS MATERIALIZED (
    SELECT s.source_record_id, s.shipped_on::date AS shipped_on, e.id AS exporter_id, i.id AS importer_id,
           s.origin_country, s.export_country, s.import_country, s.hs_code, c.id AS component_id,
           s.part_number AS part_number_raw, s.description, s.quantity::numeric(18,3) AS quantity,
           s.value_usd::numeric(18,2) AS value_usd, $2::boolean AS synthetic
      FROM import_stage s
      LEFT JOIN party e ON e.normalized_name = s.exporter_norm AND e.country IS NOT DISTINCT FROM s.exporter_country
      LEFT JOIN party i ON i.normalized_name = s.importer_norm AND i.country IS NOT DISTINCT FROM s.importer_country
      LEFT JOIN maker m ON m.normalized_name = s.manufacturer_norm
      LEFT JOIN component c ON c.manufacturer_id = m.id AND c.normalized_part_number = s.part_norm),
  current AS MATERIALIZED (
    SELECT l.*, t.id AS shipment_id, (${list('t')}) IS DISTINCT FROM (${list('l')}) AS changed
      FROM line l
      -- One index probe a line (LIMIT keeps the planner from reading every shipment of the source).
      LEFT JOIN LATERAL (
        SELECT t.* FROM shipment t WHERE t.source = $1::varchar AND t.source_record_id = l.source_record_id LIMIT 1
      ) t ON true)`;

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

  stage(c, ctx) {
    const key = c.text('source_record_id', { required: true, max: 200 });
    const shippedOn = c.date('shipped_on', { required: true });
    const exporterCountry = c.country('exporter_country');
    const importerCountry = c.country('importer_country');
    const [exporter, exporterNorm] = stagePlacedName(
      c,
      'exporter_name',
      exporterCountry,
      ctx.makers,
    );
    const [importer, importerNorm] = stagePlacedName(
      c,
      'importer_name',
      importerCountry,
      ctx.makers,
    );
    const part = c.text('part_number', { max: 100 });
    const partNorm = c.derived(
      'part_number',
      part ? partNumber(part) : null,
      'part_number has no letters or digits',
    );
    const [maker, makerNorm] = stageMakerName(c, 'manufacturer_name', ctx.makers);
    const row = [
      key,
      shippedOn,
      exporter,
      exporterNorm,
      exporterCountry,
      importer,
      importerNorm,
      importerCountry,
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
    const rejected = await rejectRepeatedRecordIds(q);
    await q.query(`INSERT INTO hs_code (code) SELECT DISTINCT hs_code FROM import_stage WHERE hs_code IS NOT NULL
                   ON CONFLICT (code) DO NOTHING`);
    await insertMissingParties(q, ctx.synthetic);
    await insertMissingMakers(q, ctx.synthetic);
    await insertMissingComponents(q, true);
    // Imports of one source are serialized, so the keys found absent below are still absent when written.
    await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `import shipments ${ctx.source}`,
    ]);
    // The batch is joined to its look-ups by hash: merge joins would sort the wide staged rows twice.
    await q.query('SET LOCAL enable_mergejoin = off');
    const triggersSuspended = await suspendRowTriggers(q);
    // New keys are inserted, changed lines update their shipment, unchanged lines are not touched
    // (an INSERT … ON CONFLICT DO UPDATE would lock, and so write, every row it leaves unchanged).
    const [result] = (await q
      .query(
        `WITH party AS (${organizationLookup}), maker AS (${makerLookup}), ${CURRENT},
         inserted AS (
           INSERT INTO shipment (source, source_record_id, import_run_id, ${VALUES})
           SELECT $1::varchar, source_record_id, $3::uuid, ${VALUES} FROM current WHERE shipment_id IS NULL
           RETURNING ${REFERENCE_COLUMNS}),
         updated AS (
           UPDATE shipment t SET (${VALUES}) = ROW(${list('c')}), import_run_id = $3::uuid,
                  version = t.version + 1, updated_at = now()
             FROM current c WHERE t.id = c.shipment_id AND c.changed
           RETURNING ${SHIPMENT_REFERENCES.flatMap((r) => r.columns.map((c) => `t.${c}`)).join(', ')}),
         written AS (SELECT * FROM inserted UNION ALL SELECT * FROM updated),
         ${references.ctes}
         SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT count(*) FROM updated) AS updated,
                ${references.missing}`,
        [ctx.source, ctx.synthetic, ctx.runId],
      )
      .catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new AppError(
              ErrorCode.CONFLICT,
              `a shipment of source ${ctx.source} was recorded while the batch was written: nothing of it was written, import again`,
            )
          : error;
      })) as { inserted: string; updated: string; missing: string }[];
    if (triggersSuspended) await resumeRowTriggers(q);
    if (Number(result.missing) > 0)
      throw new AppError(
        ErrorCode.CONFLICT,
        `the batch names ${result.missing} rows deleted meanwhile: nothing of it was written, import again`,
      );
    return { inserted: Number(result.inserted), updated: Number(result.updated), rejected };
  },
};
