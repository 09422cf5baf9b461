#!/usr/bin/env node
// Builds dist/ only when a source changed since the last build, so `npm start`, `npm test` and every
// `npm run cli` command start in well under a second when nothing changed. Two steps, each with its
// own inputs and stamp, each skipped when its stamp is newer than all its inputs:
//  - the service: the compiler runs incrementally (dist/.tsbuildinfo) and writes in place: dist/ is
//    never deleted under a running service. Compiled files whose source is gone are removed.
//  - the GraphiQL page (web/graphiql/, with the example queries of docs/queries.md): bundled by esbuild into
//    dist/graphiql/; new files are written beside the old ones, which go once the page names them
//    no more.
// `--force` builds whatever the stamps say.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const force = process.argv.includes('--force');
const quiet = process.argv.includes('--quiet');

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );

/** Newest modification time of the inputs (paths from the root), and their files. */
function scan(inputs) {
  let newest = 0;
  const found = [];
  for (const input of inputs) {
    const full = path.join(root, input);
    if (!existsSync(full)) continue;
    const isDir = statSync(full).isDirectory();
    for (const f of isDir ? files(full) : [full]) {
      newest = Math.max(newest, statSync(f).mtimeMs);
      // A folder's own mtime moves when a file in it is deleted or renamed: the input folders'
      // count, not the folders above them (the project root's moves with anything made there).
      if (isDir) newest = Math.max(newest, statSync(path.dirname(f)).mtimeMs);
      found.push(f);
    }
  }
  return { newest, files: found };
}

/** Runs `build` when a file of `inputs` is newer than `stamp`, then stamps. */
async function step(name, { inputs, stamp }, build) {
  const { newest, files: sources } = scan(inputs);
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return;
  const started = Date.now();
  const detail = await build(sources);
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  if (!quiet) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`built ${name} in ${seconds} s${detail ? ` (${detail})` : ''}\n`);
  }
}

const SERVICE_DIRS = ['src', 'migrations'];

await step(
  'dist/',
  {
    inputs: [...SERVICE_DIRS, 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    stamp: path.join(dist, '.build-stamp'),
  },
  (sources) => {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(
      process.execPath,
      [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'],
      { cwd: root, stdio: 'inherit' },
    );
    if (result.status !== 0) process.exit(result.status ?? 1);
    // Compiled output of a deleted or renamed source would be imported by nothing, but could be
    // loaded by a glob or mislead a reader: remove it (from the compiler's folders only).
    const compiled = new Set(
      sources.filter((f) => f.endsWith('.ts')).map((f) => path.relative(root, f).slice(0, -3)),
    );
    for (const dir of SERVICE_DIRS.map((d) => path.join(dist, d)).filter(existsSync)) {
      for (const f of files(dir)) {
        const rel = path.relative(dist, f);
        const base = rel.replace(/(\.d)?\.js(\.map)?$/, '');
        if (base !== rel && !compiled.has(base)) rmSync(f);
      }
    }
  },
);

await step(
  'dist/graphiql/',
  {
    inputs: ['web/graphiql', 'docs/queries.md', 'package-lock.json'],
    stamp: path.join(dist, 'graphiql', '.build-stamp'),
  },
  async () => {
    const { buildGraphiql } = await import('../web/graphiql/build.mjs');
    const outdir = path.join(dist, 'graphiql');
    mkdirSync(path.join(outdir, 'assets'), { recursive: true });
    const built = await buildGraphiql({ root, outdir });
    const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return `${built.examples} examples, ${mb(built.bytes)}, ${mb(built.gzipBytes)} gzipped`;
  },
);
