import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The layers point one way: `common/` holds mechanisms and imports no feature, and no two folders
 * of `src/` import each other, directly or round a longer loop (type-only imports count too).
 */
const SRC = path.resolve('src');
/** Folders that only assemble the others (they may import any feature, and none imports them). */
const ASSEMBLY = new Set(['(root)', 'database', 'graphql', 'cli']);

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
const folderOf = (file: string) => {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0] : '(root)';
};

/** folder -> folder -> one file that makes the edge */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
    const from = folderOf(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]);
      if (!target.startsWith(SRC)) continue;
      const to = folderOf(target);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      graph.get(from)!.set(to, path.relative(SRC, file));
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as folder paths. */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('architecture', () => {
  const graph = folderGraph();

  it('common/ imports no feature', () => {
    expect([...(graph.get('common')?.entries() ?? [])]).toEqual([]);
  });

  it('no two folders import each other, directly or round a loop', () => {
    const described = cycles(graph).map((c) =>
      c
        .slice(0, -1)
        .map((f, i) => `${f} (${graph.get(f)!.get(c[i + 1])})`)
        .join(' -> '),
    );
    expect(described).toEqual([]);
  });

  it('no feature imports the folders that assemble the service', () => {
    const offenders = [...graph.entries()].flatMap(([from, targets]) =>
      ASSEMBLY.has(from)
        ? []
        : [...targets.entries()]
            .filter(([to]) => ASSEMBLY.has(to))
            .map(([to, file]) => `${file} -> ${to}`),
    );
    expect(offenders).toEqual([]);
  });
});
