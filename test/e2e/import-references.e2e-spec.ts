import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { runImport } from '../../src/imports/importer.js';
import { IMPORT_KINDS } from '../../src/imports/kinds/index.js';
import {
  referenceCheck,
  suspendRowTriggers,
} from '../../src/imports/kinds/set-based-references.js';
import { createTestDatabase } from './test-app.js';

const FILE = [
  'source_record_id,shipped_on,exporter_name,exporter_country,importer_name,importer_country,origin_country,export_country,import_country,hs_code,part_number,manufacturer_name,description,quantity,value_usd',
  'R-1,2023-03-20,Bright Star Trading Limited,HK,OOO Vostok Komponent,RU,US,HK,RU,854231,TMS320F28335PGFA,Texas Instruments,DSP,100,2500.00',
  'R-2,2023-03-21,Bright Star Trading Limited,HK,Pars Avionics Co,IR,CH,HK,IR,852691,NEO-M8N,u-blox,GNSS module,20,900.00',
  'R-3,2023-03-22,Anadolu Elektronik A.S.,TR,OOO Vostok Komponent,RU,US,TR,RU,854239,AD7606,Analog Devices,ADC,5,',
].join('\n');

const importFile = (ds: DataSource, source: string) =>
  runImport(ds, Readable.from([FILE]), {
    kind: IMPORT_KINDS.shipments,
    format: 'csv',
    source,
    synthetic: true,
  });

/** Shipment references that name no row: zero whenever the foreign keys hold. */
const ORPHANS = `
  SELECT count(*)::int AS n FROM shipment s
   WHERE (s.exporter_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = s.exporter_id))
      OR (s.importer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = s.importer_id))
      OR (s.component_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM component c WHERE c.id = s.component_id))
      OR (s.hs_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM hs_code h WHERE h.code = s.hs_code))
      OR (s.import_country IS NOT NULL AND NOT EXISTS (SELECT 1 FROM country k WHERE k.code = s.import_country))`;

describe('shipment references checked set-based during an import (e2e)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('suspends the row triggers for a role that may, and the references still hold', async () => {
    const q = ds.createQueryRunner();
    await q.startTransaction();
    expect(await suspendRowTriggers(q)).toBe(true);
    expect(await q.query('SHOW session_replication_role')).toEqual([
      { session_replication_role: 'replica' },
    ]);
    await q.rollbackTransaction();
    // SET LOCAL: gone with the transaction.
    expect(await q.query('SHOW session_replication_role')).toEqual([
      { session_replication_role: 'origin' },
    ]);
    await q.release();

    const report = await importFile(ds, 'refs');
    expect(report).toMatchObject({ inserted: 3, rejected: 0 });
    expect((await ds.query(ORPHANS))[0].n).toBe(0);
    const rows = await ds.query(
      `SELECT s.source_record_id, e.name AS exporter, i.name AS importer, c.part_number, m.name AS maker
         FROM shipment s JOIN organization e ON e.id = s.exporter_id JOIN organization i ON i.id = s.importer_id
         JOIN component c ON c.id = s.component_id JOIN organization m ON m.id = c.manufacturer_id
        WHERE s.source = 'refs' ORDER BY 1`,
    );
    expect(rows).toEqual([
      {
        source_record_id: 'R-1',
        exporter: 'Bright Star Trading Limited',
        importer: 'OOO Vostok Komponent',
        part_number: 'TMS320F28335PGFA',
        maker: 'Texas Instruments',
      },
      {
        source_record_id: 'R-2',
        exporter: 'Bright Star Trading Limited',
        importer: 'Pars Avionics Co',
        part_number: 'NEO-M8N',
        maker: 'u-blox',
      },
      {
        source_record_id: 'R-3',
        exporter: 'Anadolu Elektronik A.S.',
        importer: 'OOO Vostok Komponent',
        part_number: 'AD7606',
        maker: 'Analog Devices',
      },
    ]);
    // The declared keys stay in force for every other write.
    await expect(
      ds.query(
        `INSERT INTO shipment (source, source_record_id, shipped_on, exporter_id) VALUES ('refs', 'X', '2023-01-01', gen_random_uuid())`,
      ),
    ).rejects.toThrow(/fk_shipment_exporter_id/);
  });

  it('counts the referenced values that name no row, and locks those that do', async () => {
    const { ctes, missing } = referenceCheck([
      { columns: ['exporter_id', 'importer_id'], table: 'organization', key: 'id' },
      { columns: ['import_country'], table: 'country', key: 'code' },
    ]);
    const check = (written: string) =>
      ds.query(`WITH written AS (${written}), ${ctes} SELECT ${missing}`);
    const [org] = await ds.query('SELECT id FROM organization LIMIT 1');
    expect(
      await check(
        `SELECT '${org.id}'::uuid AS exporter_id, '${org.id}'::uuid AS importer_id, 'RU'::char(2) AS import_country`,
      ),
    ).toEqual([{ missing: '0' }]);
    expect(
      await check(
        `SELECT gen_random_uuid() AS exporter_id, '${org.id}'::uuid AS importer_id, 'QQ'::char(2) AS import_country`,
      ),
    ).toEqual([{ missing: '2' }]);
  });

  it('imports the same with the row triggers on, for a role that may not suspend them', async () => {
    const role = `importer_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await ds.query(
      `CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE pg_read_all_data, pg_write_all_data`,
    );
    const url = new URL(db.url);
    url.username = role;
    url.password = password;
    const limited = await createDataSource(url.toString()).initialize();
    try {
      const q = limited.createQueryRunner();
      await q.startTransaction();
      expect(await suspendRowTriggers(q)).toBe(false);
      await q.rollbackTransaction();
      await q.release();

      const report = await importFile(limited, 'refs-limited');
      expect(report).toMatchObject({ inserted: 3, rejected: 0 });
      const again = await importFile(limited, 'refs-limited');
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
      expect((await ds.query(ORPHANS))[0].n).toBe(0);
    } finally {
      await limited.destroy();
      await ds.query(`DROP OWNED BY ${role}`);
      await ds.query(`DROP ROLE ${role}`);
    }
  });
});
