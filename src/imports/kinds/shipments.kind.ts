import { AppError, ErrorCode } from '../../common/errors.js';
import { normalizePartNumber } from '../../components/part-number.js';
import { normalizeOrganizationName } from '../../organizations/normalize-name.js';
import type { ImportKind } from '../import-kind.js';
import {
  insertMissingComponents,
  insertMissingMakers,
  insertMissingParties,
  makerLookup,
  organizationLookup,
  rejectRepeatedRecordIds,
  rejectUnknownCountries,
} from './shared-sql.js';

import { memoize } from '../memoize.js';
import {
  type Reference,
  referenceCheck,
  resumeRowTriggers,
  suspendRowTriggers,
} from './set-based-references.js';

const orgName = memoize(normalizeOrganizationName);
const partNumber = memoize(normalizePartNumber);
const norm = (name: string | null | undefined) => (name ? orgName(name) : null);

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
const changed = (a: string, b: string) =>
  `(${VALUE_COLUMNS.map((c) => `${a}.${c}`).join(', ')}) IS DISTINCT FROM (${VALUE_COLUMNS.map((c) => `${b}.${c}`).join(', ')})`;

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
    rejected.push(...(await rejectRepeatedRecordIds(q)));
    await q.query(`INSERT INTO hs_code (code) SELECT DISTINCT hs_code FROM import_stage WHERE hs_code IS NOT NULL
                   ON CONFLICT (code) DO NOTHING`);
    await insertMissingParties(q);
    await insertMissingMakers(q);
    await insertMissingComponents(q, true);
    const triggersSuspended = await suspendRowTriggers(q);
    const [result] = (await q.query(
      `WITH party AS (${organizationLookup}), maker AS (${makerLookup}), written AS (
       INSERT INTO shipment AS t (source, source_record_id, ${VALUES})
       SELECT $1, s.source_record_id, s.shipped_on::date, e.id, i.id, s.origin_country, s.export_country,
              s.import_country, s.hs_code, c.id, s.part_number, s.description, s.quantity::numeric, s.value_usd::numeric, $2
         FROM import_stage s
         LEFT JOIN party e ON e.normalized_name = s.exporter_norm AND e.country IS NOT DISTINCT FROM s.exporter_country
         LEFT JOIN party i ON i.normalized_name = s.importer_norm AND i.country IS NOT DISTINCT FROM s.importer_country
         LEFT JOIN maker m ON m.normalized_name = s.manufacturer_norm
         LEFT JOIN component c ON c.manufacturer_id = m.id AND c.normalized_part_number = s.part_norm
       ON CONFLICT ON CONSTRAINT uq_shipment_source_source_record_id DO UPDATE
         SET ${VALUE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, version = t.version + 1, updated_at = now()
       WHERE ${changed('t', 'EXCLUDED')}
       RETURNING (xmax = 0) AS inserted, ${REFERENCE_COLUMNS}),
       ${references.ctes}
       SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) AS written, ${references.missing} FROM written`,
      [ctx.source, ctx.synthetic],
    )) as { inserted: string; written: string; missing: string }[];
    if (triggersSuspended) await resumeRowTriggers(q);
    if (Number(result.missing) > 0)
      throw new AppError(
        ErrorCode.CONFLICT,
        `the batch names ${result.missing} rows deleted meanwhile: nothing of it was written, import again`,
      );
    const inserted = Number(result.inserted);
    return { inserted, updated: Number(result.written) - inserted, rejected };
  },
};
