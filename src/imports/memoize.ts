/**
 * A copy of `s` that does not keep alive the larger string it was cut from. (V8 keeps a substring as a
 * view on its parent: a cache keyed by fields sliced from 64 KiB chunks of a file would hold the file.)
 */
export const detach = (s: string): string => (' ' + s).slice(1);

/**
 * Caches a pure string function: names and part numbers repeat across a trade file, so each is
 * normalized once. The cache is cleared when full, keeping memory bounded.
 */
export function memoize(fn: (s: string) => string, max = 200_000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = detach(fn(s));
      if (cache.size >= max) cache.clear();
      cache.set(detach(s), v);
    }
    return v;
  };
}
