#!/usr/bin/env node
// Builds dist/ only when a source changed since the last build, so `npm start`, `npm test` and every
// `npm run cli` command start in well under a second when nothing changed. The compiler runs
// incrementally (dist/.tsbuildinfo) and writes in place: dist/ is never deleted under a running
// service. Compiled files whose source is gone are removed. `--force` builds whatever the stamps say.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
/** What the build reads: a change to any of these makes dist/ stale. */
const inputs = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );

/** Newest modification time of the inputs, and the source files (for pruning). */
function scan() {
  let newest = 0;
  const sources = new Set();
  for (const input of inputs) {
    const full = path.join(root, input);
    if (!existsSync(full)) continue;
    const list = statSync(full).isDirectory() ? files(full) : [full];
    for (const f of list) {
      newest = Math.max(newest, statSync(f).mtimeMs);
      // A directory's own mtime moves when a file in it is deleted or renamed.
      newest = Math.max(newest, statSync(path.dirname(f)).mtimeMs);
      if (f.endsWith('.ts')) sources.add(path.relative(root, f).replace(/\.ts$/, ''));
    }
  }
  return { newest, sources };
}

const { newest, sources } = scan();
const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= newest) process.exit(0);

const started = Date.now();
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(
  process.execPath,
  [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'],
  { cwd: root, stdio: 'inherit' },
);
if (result.status !== 0) process.exit(result.status ?? 1);

// Compiled output of a deleted or renamed source would still be imported by nothing, but could be
// loaded by a glob or mislead a reader: remove it.
if (existsSync(dist)) {
  for (const f of files(dist)) {
    const rel = path.relative(dist, f);
    const base = rel.replace(/(\.d)?\.js(\.map)?$/, '');
    if (base !== rel && !sources.has(base)) rmSync(f);
  }
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
if (!process.argv.includes('--quiet'))
  process.stderr.write(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
