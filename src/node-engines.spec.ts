import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { projectRoot } from './common/project-root.js';

/**
 * `npm ci` prints an EBADENGINE warning for each package whose `engines.node` the running Node does
 * not satisfy. The README and package.json name the oldest Node the service runs on: every package
 * in the lock file (platform packages of other systems too) must accept it, and the Node running
 * the tests as well.
 */
const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');

interface LockEntry {
  version?: string;
  engines?: { node?: string };
}
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> };
const manifest = JSON.parse(read('package.json')) as { engines: { node: string } };

/** Lock entries whose `engines.node` refuses this Node version, as `name@version (range)`. */
const refusing = (node: string): string[] =>
  Object.entries(lock.packages)
    .filter(([, p]) => p.engines?.node && !semver.satisfies(node, p.engines.node))
    .map(
      ([where, p]) => `${where.replace(/^.*node_modules\//, '')}@${p.version} (${p.engines!.node})`,
    );

describe('Node versions the dependencies accept', () => {
  const minimum = semver.minVersion(manifest.engines.node)!.version;

  it('the README states the Node of package.json engines', () => {
    const stated = /Node(?:\.js)? v?(\d+\.\d+(?:\.\d+)?)(?: or later|\+| or newer)/i.exec(
      read('README.md'),
    );
    expect(stated).not.toBeNull();
    expect(semver.coerce(stated![1])!.version).toBe(minimum);
  });

  it('every locked package accepts the oldest Node the service states', () => {
    expect(minimum).toBe('20.19.0');
    expect(refusing(minimum)).toEqual([]);
  });

  it('every locked package accepts the Node running this test', () => {
    expect(refusing(process.version)).toEqual([]);
  });
});
