import { Readable } from 'node:stream';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../../src/auth/auth-user.js';
import { ImportsService, type ImportRequest } from '../../src/imports/imports.service.js';
import { createTestApp, type TestApp } from './test-app.js';

const HEADER =
  'source_record_id,shipped_on,exporter_name,exporter_country,importer_name,importer_country,origin_country,export_country,import_country,hs_code,part_number,manufacturer_name,description,quantity,value_usd';
const line = (
  id: string,
  { exporter = 'Acme Trading Ltd', shippedOn = '2023-02-01', value = '100.00' } = {},
) => `${id},${shippedOn},${exporter},HK,OOO Buyer,RU,US,HK,RU,853224,,,capacitors,10,${value}`;
const file = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

describe('an import keeps its record from the first line to the last (e2e)', () => {
  let t: TestApp;
  let imports: ImportsService;
  beforeAll(async () => {
    t = await createTestApp();
    imports = t.app.get(ImportsService);
  });
  afterAll(() => t.close());

  const run = (input: string | Readable, request: Partial<ImportRequest> = {}) =>
    imports.run(SYSTEM_ACTOR, typeof input === 'string' ? Readable.from([input]) : input, {
      kind: 'shipments',
      format: 'csv',
      ...request,
    });
  const runOf = async (source: string) => {
    const rows = await t.ds.query(
      `SELECT id, status, error, rows, inserted, updated, unchanged, rejected, dry_run, strict, file_sha256
         FROM import_run WHERE source = $1 ORDER BY created_at`,
      [source],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  const auditOf = (runId: string) =>
    t.ds.query(
      `SELECT action, after->>'status' AS status FROM audit_event
        WHERE subject_type = 'importRun' AND subject_id = $1 ORDER BY at, id`,
      [runId],
    );
  const shipmentsOf = (source: string) =>
    t.ds.query(
      'SELECT source_record_id AS id, import_run_id FROM shipment WHERE source = $1 ORDER BY 1',
      [source],
    );

  it('writes the run RUNNING with its audit event first, counts each batch as it commits, and ends DONE', async () => {
    const input = new Readable({ read() {} });
    input.push(file(line('R1'), line('R2'), line('R3')));
    const done = run(input, { source: 'running', batchSize: 2 });
    // The first batch has committed; the file is not over.
    let running: { id?: string; status?: string; rows?: number; inserted?: number } = {};
    for (let i = 0; i < 200 && running.inserted !== 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const rows = await t.ds.query(
        `SELECT id, status, rows, inserted FROM import_run WHERE source = 'running'`,
      );
      running = rows[0] ?? {};
    }
    expect(running).toMatchObject({ status: 'RUNNING', rows: 2, inserted: 2 });
    expect(await auditOf(running.id as string)).toEqual([
      { action: 'import.run', status: 'RUNNING' },
    ]);
    input.push(`${line('R4')}\n`);
    input.push(null);
    const report = await done;
    expect(report.runId).toBe(running.id);
    expect(await runOf('running')).toMatchObject({
      status: 'DONE',
      error: null,
      rows: 4,
      inserted: 4,
      file_sha256: report.fileSha256,
    });
    expect(await auditOf(running.id as string)).toEqual([
      { action: 'import.run', status: 'RUNNING' },
      { action: 'import.end', status: 'DONE' },
    ]);
  });

  it('leaves a FAILED run counting exactly what committed when batch 2 of 3 fails, with its audit events', async () => {
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    // A failure in the middle of the second batch's merge (creating its exporter).
    await admin.query(`
      CREATE FUNCTION fail_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure: %', NEW.name; END $$;
      CREATE TRIGGER fail_poison BEFORE INSERT ON organization
        FOR EACH ROW WHEN (NEW.name = 'Poison Trading Ltd') EXECUTE FUNCTION fail_poison();`);
    try {
      const text = file(
        line('F1', { shippedOn: '2023-13-01' }), // refused as it is read: counted with batch 1
        line('F2'),
        line('F3'),
        line('F4'),
        line('F5', { exporter: 'Poison Trading Ltd' }),
        line('F6'),
        line('F7'),
      );
      await expect(run(text, { source: 'failing', batchSize: 2 })).rejects.toThrow(
        'injected failure: Poison Trading Ltd',
      );
    } finally {
      await admin.query('DROP TRIGGER fail_poison ON organization; DROP FUNCTION fail_poison()');
      await admin.end();
    }
    const failed = await runOf('failing');
    expect(failed).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('injected failure: Poison Trading Ltd'),
      rows: 3,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      file_sha256: null,
    });
    expect(await shipmentsOf('failing')).toEqual([
      { id: 'F2', import_run_id: failed.id },
      { id: 'F3', import_run_id: failed.id },
    ]);
    expect(await auditOf(failed.id)).toEqual([
      { action: 'import.run', status: 'RUNNING' },
      { action: 'import.end', status: 'FAILED' },
    ]);
  });

  it('records a dry run with what it would have done, and writes nothing else', async () => {
    const report = await run(file(line('D1'), line('D2', { shippedOn: 'x' })), {
      source: 'dry',
      dryRun: true,
      batchSize: 1,
    });
    expect(report).toMatchObject({ inserted: 1, rejected: 1, dryRun: true });
    expect(await runOf('dry')).toMatchObject({
      status: 'DONE',
      dry_run: true,
      rows: 2,
      inserted: 1,
      rejected: 1,
      file_sha256: report.fileSha256,
    });
    expect(await shipmentsOf('dry')).toEqual([]);
    expect((await auditOf(report.runId!)).map((a: { action: string }) => a.action)).toEqual([
      'import.run',
      'import.end',
    ]);
  });

  it('ends a strict run that meets a bad line FAILED, nothing written, and a clean one DONE', async () => {
    const refused = await run(
      file(line('S1'), line('S2', { shippedOn: '2023-13-01' }), line('S3')),
      {
        source: 'strict',
        strict: true,
      },
    );
    expect(refused).toMatchObject({ inserted: 0, rejected: 2, rows: 2 });
    expect(await runOf('strict')).toMatchObject({
      status: 'FAILED',
      strict: true,
      error:
        'strict: the file has a bad line (line 3, shipped_on: bad date "2023-13-01": write YYYY-MM-DD); nothing was written',
      rows: 2,
      inserted: 0,
      rejected: 2,
    });
    expect(await shipmentsOf('strict')).toEqual([]);
    await run(file(line('C1'), line('C2')), { source: 'strict-clean', strict: true });
    expect(await runOf('strict-clean')).toMatchObject({ status: 'DONE', rows: 2, inserted: 2 });
  });

  it('has each shipment name the run that last inserted or changed it; an unchanged one keeps its own', async () => {
    const first = await run(file(line('W1'), line('W2')), { source: 'writer' });
    const second = await run(file(line('W1', { value: '250.00' }), line('W2')), {
      source: 'writer',
    });
    expect(second).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await shipmentsOf('writer')).toEqual([
      { id: 'W1', import_run_id: second.runId },
      { id: 'W2', import_run_id: first.runId },
    ]);
  });
});
