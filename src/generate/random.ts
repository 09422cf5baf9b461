/**
 * A seeded pseudo-random source (mulberry32) and the weighted choices the generator makes with it.
 * Nothing here reads the clock or `Math.random`: the same seed gives the same sequence everywhere.
 */

/** FNV-1a over the text: turns a seed and a label into an independent 32-bit stream seed. */
export function hashSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${label}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private state: number;

  /** `label` derives a separate stream, so one part of the world can change without moving the rest. */
  constructor(
    readonly seed: number,
    label = '',
  ) {
    this.state = hashSeed(seed, label);
  }

  /** Another stream from the same seed: `random.fork('routes')`. */
  fork(label: string): Random {
    return new Random(this.seed, label);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** A float in [min, max) spread evenly on a log scale: as many 10–100 as 100–1000. */
  logBetween(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }

  /** Shuffles in place (Fisher–Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** One of `[value, weight]` pairs, in proportion to the weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
}

/**
 * Picks items in proportion to fixed weights in O(log n) (cumulative sums and a binary search):
 * built once for a pool of organizations or parts, used for every shipment.
 */
export class WeightedChoice<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (!items.length || items.length !== weights.length)
      throw new Error('a weighted choice needs as many positive weights as items, at least one');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((weight, i) => (this.cumulative[i] = sum += weight));
    this.total = sum;
  }

  get size(): number {
    return this.items.length;
  }

  pick(random: Random): T {
    const r = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid] > r) high = mid;
      else low = mid + 1;
    }
    return this.items[low];
  }
}

/** Zipf-like weights `1 / rank^exponent` for ranks 1..n: a few heavy items, a long light tail. */
export function zipfWeights(n: number, exponent = 1.05): number[] {
  return Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, exponent));
}

/** Zipf weights handed out in a random order, so the heavy items are spread over the pool. */
export function shuffledZipf<T>(random: Random, items: readonly T[], exponent = 1.05) {
  return new WeightedChoice(items, random.shuffle(zipfWeights(items.length, exponent)));
}
