import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/common/project-root.js';

/**
 * `npm start`, `npm test` and every `npm run cli` build only when a source changed, and never
 * delete dist/ (a running service loads its modules from there). `npm test` has just built.
 */
describe('build once (e2e)', () => {
  const scripts = (
    JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;

  it('no script deletes dist/ or always rebuilds', () => {
    for (const name of ['build', 'prestart', 'start', 'cli', 'pretest', 'pretest:e2e']) {
      expect(scripts[name]).toBeDefined();
      expect(scripts[name]).not.toMatch(/rm -rf|rimraf|deleteOutDir|\btsc\b/);
    }
    expect(scripts.cli).toMatch(/^node scripts\/build\.mjs && node dist\/src\/cli\/main\.js$/);
  });

  it('does nothing when no source changed, whatever else appears in the project', () => {
    const main = path.join(projectRoot, 'dist/src/main.js');
    const before = statSync(main).mtimeMs;
    // A file made beside the sources (a data folder, a log) moves the project folder's mtime.
    const stray = path.join(projectRoot, `.build-once-test-${process.pid}`);
    writeFileSync(stray, '');
    try {
      const run = spawnSync(process.execPath, ['scripts/build.mjs'], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
    } finally {
      rmSync(stray);
    }
    expect(statSync(main).mtimeMs).toBe(before);
  });
});
