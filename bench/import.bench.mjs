// npm run bench:import [-- --shipments N --runs R --seed S]: imports N generated shipments (default
// 1,000,000) with the command line, R times (default 3), each time into a fresh copy of the same
// migrated and seeded database on an embedded PostgreSQL, against COPY of the same file into a bare
// table in the same run; then imports the same file again. Writes medians into bench/RESULTS.md.
import 'reflect-metadata';
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { createDataSource } from '../dist/src/database/data-source.js';
import { EmbeddedPostgres } from '../dist/src/database/embedded-postgres.js';
import { runMigrations } from '../dist/src/database/migrate.js';
import { seedDatabase } from '../dist/src/seed/seed.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist/src/cli/main.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const shipments = arg('shipments', 1_000_000);
const runs = arg('runs', 3);
const seed = arg('seed', 42);
const outDir = path.join(root, 'bench', 'out', `shipments-${shipments}-seed-${seed}`);
const file = path.join(outDir, 'shipments.csv');

if (!existsSync(file)) {
  console.error(`generating ${shipments} shipments (seed ${seed}) into ${outDir}`);
  execFileSync(
    process.execPath,
    [cli, 'generate', '--shipments', `${shipments}`, '--seed', `${seed}`, '--out', outDir],
    { stdio: 'inherit' },
  );
}
const bytes = statSync(file).size;
const header = readFileSync(file, 'utf8').slice(0, 4096).split('\n')[0].split(',');
// The first tenth of the file, to show that an import's memory does not grow with the file.
const tenth = path.join(outDir, 'shipments-first-tenth.csv');
if (!existsSync(tenth)) {
  const text = readFileSync(file, 'utf8');
  let end = 0;
  for (let i = 0; i <= shipments / 10; i++) end = text.indexOf('\n', end) + 1;
  await writeFile(tenth, text.slice(0, end));
}

const seconds = async (work) => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
};

/**
 * `sanctrace import shipments <file> --json`, as a user runs it, in its own process. Answers the
 * import's own time (as recorded in `import_run`: the command's start-up is not counted), its
 * report, and the process's resident memory (VmRSS, read from /proc every 50 ms while it runs).
 */
async function importWithCli(url, input, source) {
  const { report, samples } = await new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cli, 'import', 'shipments', input, '--source', source, '--synthetic', '--json'],
      {
        env: { ...process.env, DATABASE_URL: url, DETECT_ROUTES_AFTER_IMPORT: 'false' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    const samples = [];
    child.stdout.on('data', (d) => (out += d));
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        samples.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // gone, or no /proc
      }
    }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`import exited with ${code}`));
      else resolve({ report: JSON.parse(out.trim().split('\n').at(-1)), samples });
    });
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    'SELECT duration_ms FROM import_run ORDER BY created_at DESC LIMIT 1',
  );
  await client.end();
  // Peak resident memory in each quarter of the run: what grows with the file grows quarter by quarter.
  const quarters = [0, 1, 2, 3].map((q) => {
    const part = samples.slice(
      Math.floor((q * samples.length) / 4),
      Math.floor(((q + 1) * samples.length) / 4),
    );
    return part.length ? Math.max(...part) / 1024 : null;
  });
  const peakMb = samples.length ? Math.max(...samples) / 1024 : null;
  return { seconds: rows[0].duration_ms / 1000, report, peakMb, quarters };
}

/** Loads the file with COPY into a text table, as the baseline does (no checks). */
async function copyFile(client, table) {
  await client.query(`CREATE TABLE ${table} (${header.map((c) => `${c} text`).join(', ')})`);
  await pipeline(
    createReadStream(file),
    client.query(copyStreams.from(`COPY ${table} FROM STDIN (FORMAT csv, HEADER true)`)),
  );
}

/**
 * The floor of any import that stages the file and then writes `shipment`: COPY into a staging
 * table, then one INSERT … SELECT of every row into a table shaped like `shipment` (casts only: no
 * check, no look-up; parties get ids derived from their names), with or without shipment's indexes.
 */
async function stagedFloor(client, withIndexes) {
  await client.query(
    `CREATE TABLE floor_target (LIKE shipment INCLUDING DEFAULTS INCLUDING CONSTRAINTS${withIndexes ? ' INCLUDING INDEXES' : ''})`,
  );
  await client.query('CHECKPOINT');
  const time = await seconds(async () => {
    await copyFile(client, 'floor_stage');
    await client.query(`INSERT INTO floor_target (source, source_record_id, shipped_on, exporter_id, importer_id,
        origin_country, export_country, import_country, hs_code, part_number_raw, description, quantity, value_usd)
      SELECT 'floor', source_record_id, shipped_on::date, md5(exporter_name || exporter_country)::uuid,
             md5(importer_name || importer_country)::uuid, origin_country, export_country, import_country,
             hs_code, part_number, description, quantity::numeric, value_usd::numeric FROM floor_stage`);
  });
  await client.query('DROP TABLE floor_target, floor_stage');
  return time;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const dir = await mkdtemp(path.join(tmpdir(), 'sanctrace-bench-'));
await chmod(dir, 0o755);
const server = await EmbeddedPostgres.start({ dataDir: path.join(dir, 'data'), database: 'bench' });
const figures = { copy: [], floorBare: [], floorIndexed: [], first: [], again: [] };
let tenthRun;
let settings;
try {
  const template = server.url('bench');
  const ds = await createDataSource(template).initialize();
  await runMigrations(ds);
  await seedDatabase(ds);
  await ds.destroy();
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  settings = (
    await admin.query(
      `SELECT string_agg(name || ' ' || current_setting(name), ', ' ORDER BY name) AS s FROM pg_settings
        WHERE name IN ('fsync', 'shared_buffers', 'max_wal_size', 'synchronous_commit', 'full_page_writes')`,
    )
  ).rows[0].s;

  for (let run = 1; run <= runs; run++) {
    await admin.query('DROP DATABASE IF EXISTS bench_run');
    await admin.query('CREATE DATABASE bench_run TEMPLATE bench');
    const url = server.url('bench_run');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CHECKPOINT');
    figures.copy.push(await seconds(() => copyFile(client, 'bare_copy')));
    await client.query('DROP TABLE bare_copy');
    figures.floorBare.push(await stagedFloor(client, false));
    figures.floorIndexed.push(await stagedFloor(client, true));
    await client.query('CHECKPOINT');
    await client.end();
    figures.first.push(await importWithCli(url, file, `bench-${seed}`));
    figures.again.push(await importWithCli(url, file, `bench-${seed}`));
    if (run === runs) tenthRun = await importWithCli(url, tenth, `bench-${seed}-tenth`);
    console.error(
      `run ${run}: COPY ${figures.copy.at(-1).toFixed(1)} s, import ${figures.first.at(-1).seconds.toFixed(1)} s, again ${figures.again.at(-1).seconds.toFixed(1)} s`,
    );
  }
  await admin.query('DROP DATABASE IF EXISTS bench_run');
  await admin.end();
} finally {
  await server.destroy();
  await rm(dir, { recursive: true, force: true });
}

const copy = median(figures.copy);
const rate = (s) => Math.round(shipments / s).toLocaleString('en');
const span = (values) =>
  values.length > 1 ? ` (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})` : '';
const ratio = (values) => median(values.map((s, i) => figures.copy[i] / s)).toFixed(2);
const mb = (v) => (v === null ? 'n/a' : `${Math.round(v)} MB`);
const counts = (r) =>
  `${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`;
const imported = (key, label) => {
  const times = figures[key].map((f) => f.seconds);
  const t = median(times);
  const peak = median(figures[key].map((f) => f.peakMb ?? 0)) || null;
  return `| ${label} | ${t.toFixed(1)} s${span(times)} | ${rate(t)} | ${ratio(times)} | ${mb(peak)} | ${counts(figures[key].at(-1).report)} |`;
};
const floor = (key, label) => {
  const t = median(figures[key]);
  return `| ${label} | ${t.toFixed(1)} s${span(figures[key])} | ${rate(t)} | ${ratio(figures[key])} | | no checks, no look-ups |`;
};
const first = median(figures.first.map((f) => f.seconds));
const firstRatio = Number(ratio(figures.first.map((f) => f.seconds)));
const verdict = (ok) => (ok ? '**met**' : '**not met**');
const lastFirst = figures.first.at(-1);
const lines = [
  `## Import of ${shipments.toLocaleString('en')} generated shipments`,
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:import\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, embedded PostgreSQL 15 (${settings}). File: ${(bytes / 1e6).toFixed(0)} MB CSV, seed ${seed}. ${runs} runs, each on a fresh copy of the same migrated and seeded database: medians, with the range in brackets; "vs COPY" is the median of each run's ratio to its own COPY. Imports are \`sanctrace import shipments <file> --json\` in a process of their own: their time is the import's own (its report), their memory the process's peak resident set.`,
  '',
  '| step | time | rows/s | vs COPY | peak RSS | result |',
  '| --- | ---: | ---: | ---: | ---: | --- |',
  `| COPY of the file into a bare table (baseline) | ${copy.toFixed(1)} s${span(figures.copy)} | ${rate(copy)} | 1.00 | | ${shipments} rows |`,
  floor(
    'floorBare',
    'floor: COPY into staging, then INSERT into a copy of `shipment` without indexes',
  ),
  floor('floorIndexed', 'floor: the same into a copy of `shipment` with its 9 indexes'),
  imported('first', '`import shipments`, first time'),
  imported('again', '`import shipments`, the same file again'),
  `| \`import shipments\` of the file's first tenth, first time (memory) | ${tenthRun.seconds.toFixed(1)} s | ${Math.round(tenthRun.report.inserted / tenthRun.seconds).toLocaleString('en')} | | ${mb(tenthRun.peakMb)} | ${counts(tenthRun.report)} |`,
  '',
  `Targets (issue 6): at least 100,000 rows/s, ${verdict(shipments / first >= 100_000)} (${rate(first)}); at least half of COPY's speed, ${verdict(firstRatio >= 0.5)} (${firstRatio.toFixed(2)}).`,
  '',
  `Memory of the first import, peak resident set in each quarter of the run (last run): ${lastFirst.quarters.map(mb).join(', ')}; the file's first tenth alone peaks at ${mb(tenthRun.peakMb)}.`,
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
