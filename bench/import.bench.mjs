// npm run bench:import [-- --shipments N]: imports N generated shipments (default 1,000,000) into a
// fresh embedded PostgreSQL, against a COPY of the same file into a bare table in the same run, then
// imports it again; writes the figures into bench/RESULTS.md. Runs on the compiled code (dist/).
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { createDataSource } from '../dist/src/database/data-source.js';
import { EmbeddedPostgres } from '../dist/src/database/embedded-postgres.js';
import { runMigrations } from '../dist/src/database/migrate.js';
import { runImport } from '../dist/src/imports/importer.js';
import { IMPORT_KINDS } from '../dist/src/imports/kinds/index.js';
import { seedDatabase } from '../dist/src/seed/seed.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const shipments = arg('shipments', 1_000_000);
const seed = arg('seed', 42);
const outDir = path.join(root, 'bench', 'out', `shipments-${shipments}-seed-${seed}`);
const file = path.join(outDir, 'shipments.csv');

if (!existsSync(file)) {
  console.error(`generating ${shipments} shipments (seed ${seed}) into ${outDir}`);
  execFileSync(
    process.execPath,
    [
      path.join(root, 'dist/src/cli/main.js'),
      'generate',
      '--shipments',
      String(shipments),
      '--seed',
      String(seed),
      '--out',
      outDir,
    ],
    { stdio: 'inherit' },
  );
}
const bytes = statSync(file).size;

/** Peak and median resident memory while `work` runs, sampled every 100 ms. */
async function measure(work) {
  const samples = [];
  const timer = setInterval(() => samples.push(process.memoryUsage().rss), 100);
  const started = process.hrtime.bigint();
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  samples.sort((a, b) => a - b);
  const mb = (v) => Math.round((v ?? process.memoryUsage().rss) / 1e6);
  return {
    result,
    seconds,
    peakMb: mb(samples.at(-1)),
    medianMb: mb(samples[Math.floor(samples.length / 2)]),
  };
}

const dir = await mkdtemp(path.join(tmpdir(), 'sanctrace-bench-'));
await chmod(dir, 0o755);
const server = await EmbeddedPostgres.start({ dataDir: path.join(dir, 'data'), database: 'bench' });
try {
  const url = server.url('bench');
  const ds = await createDataSource(url, { extra: { max: 4 } }).initialize();
  await runMigrations(ds);
  await seedDatabase(ds);

  // Baseline: the same file, COPY'd by PostgreSQL itself into a bare table (no checks, no indexes).
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const header = (await readFile(file, 'utf8').then((t) => t.slice(0, t.indexOf('\n')))).split(',');
  await client.query(`CREATE TABLE bare_copy (${header.map((c) => `${c} text`).join(', ')})`);
  const copy = await measure(() =>
    pipeline(
      createReadStream(file),
      client.query(copyStreams.from('COPY bare_copy FROM STDIN (FORMAT csv, HEADER true)')),
    ),
  );
  await client.query('DROP TABLE bare_copy');
  // Second reference: COPY of the same rows into a table with shipment's columns and indexes (the
  // floor set by index maintenance, before any check, look-up or merge).
  await client.query('CREATE TABLE indexed_copy (LIKE shipment INCLUDING ALL)');
  await client.query(`ALTER TABLE indexed_copy ALTER COLUMN source SET DEFAULT 'copy'`);
  const cols =
    'source_record_id, shipped_on, part_number_raw, description, quantity, value_usd, origin_country, export_country, import_country, hs_code';
  const indexed = await measure(async () => {
    await client.query(`CREATE TEMP TABLE raw_copy (${header.map((c) => `${c} text`).join(', ')})`);
    await pipeline(
      createReadStream(file),
      client.query(copyStreams.from('COPY raw_copy FROM STDIN (FORMAT csv, HEADER true)')),
    );
    await client.query(`INSERT INTO indexed_copy (${cols}, exporter_id, importer_id)
      SELECT source_record_id, shipped_on::date, part_number, description, quantity::numeric, value_usd::numeric,
             origin_country, export_country, import_country, hs_code, gen_random_uuid(), gen_random_uuid() FROM raw_copy`);
  });
  await client.query('DROP TABLE indexed_copy, raw_copy');
  await client.end();

  const options = {
    kind: IMPORT_KINDS.shipments,
    format: 'csv',
    source: `bench-${seed}`,
    synthetic: true,
  };
  const first = await measure(() => runImport(ds, createReadStream(file), options));
  const second = await measure(() => runImport(ds, createReadStream(file), options));
  await ds.destroy();

  const rate = (s) => Math.round(shipments / s);
  const r1 = first.result;
  const r2 = second.result;
  const lines = [
    `## Import of ${shipments.toLocaleString('en')} generated shipments`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:import\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, embedded PostgreSQL 15 (fsync on, shared_buffers 256MB). File: ${(bytes / 1e6).toFixed(0)} MB CSV, seed ${seed}. One run each, in this order, on the same server.`,
    '',
    '| step | time | rows/s | vs COPY | memory (peak / median RSS) | result |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    `| COPY of the file into a bare table (baseline) | ${copy.seconds.toFixed(1)} s | ${rate(copy.seconds).toLocaleString('en')} | 1.00 | ${copy.peakMb} / ${copy.medianMb} MB | ${shipments} rows, no checks |`,
    `| COPY into a table with shipment's 9 indexes (reference) | ${indexed.seconds.toFixed(1)} s | ${rate(indexed.seconds).toLocaleString('en')} | ${(copy.seconds / indexed.seconds).toFixed(2)} | ${indexed.peakMb} / ${indexed.medianMb} MB | no checks, random party ids |`,
    `| \`import shipments\`, first time | ${first.seconds.toFixed(1)} s | ${rate(first.seconds).toLocaleString('en')} | ${(copy.seconds / first.seconds).toFixed(2)} | ${first.peakMb} / ${first.medianMb} MB | ${r1.inserted} inserted, ${r1.updated} updated, ${r1.unchanged} unchanged, ${r1.rejected} rejected |`,
    `| \`import shipments\`, same file again | ${second.seconds.toFixed(1)} s | ${rate(second.seconds).toLocaleString('en')} | ${(copy.seconds / second.seconds).toFixed(2)} | ${second.peakMb} / ${second.medianMb} MB | ${r2.inserted} inserted, ${r2.updated} updated, ${r2.unchanged} unchanged, ${r2.rejected} rejected |`,
    '',
    `Targets (DESIGN.md §5): at least 100,000 rows/s and at least half of COPY's speed (ratio ≥ 0.50).`,
  ];
  const section = lines.join('\n');
  console.log(section);
  const results = path.join(root, 'bench', 'RESULTS.md');
  const existing = existsSync(results)
    ? await readFile(results, 'utf8')
    : '# Benchmark results\n\nFigures written by the benchmarks in `bench/`; each section is replaced when its benchmark runs again.\n';
  const start = existing.indexOf('## Import of ');
  const end = start < 0 ? -1 : existing.indexOf('\n## ', start + 1);
  const next =
    start < 0
      ? `${existing.trimEnd()}\n\n${section}\n`
      : `${existing.slice(0, start)}${section}\n${end < 0 ? '' : existing.slice(end)}`;
  await writeFile(results, next);
} finally {
  await server.destroy();
  await rm(dir, { recursive: true, force: true });
}
