import { Random, WeightedChoice, hashSeed, shuffledZipf, zipfWeights } from './random.js';

const sequence = (random: Random, n = 5) => Array.from({ length: n }, () => random.next());

describe('Random', () => {
  it('gives the same sequence for the same seed and label, another for another', () => {
    expect(sequence(new Random(42))).toEqual(sequence(new Random(42)));
    expect(sequence(new Random(42))).not.toEqual(sequence(new Random(43)));
    expect(sequence(new Random(42, 'world'))).not.toEqual(sequence(new Random(42)));
    expect(sequence(new Random(42).fork('a'))).toEqual(sequence(new Random(42, 'a')));
    expect(hashSeed(42, 'x')).toBe(hashSeed(42, 'x'));
  });

  it('stays in its ranges', () => {
    const random = new Random(7);
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = random.int(3, 5);
      expect([3, 4, 5]).toContain(n);
      const y = random.logBetween(10, 1000);
      expect(y >= 10 && y < 1000).toBe(true);
    }
  });

  it('shuffles to a permutation and picks by weight', () => {
    const random = new Random(1);
    expect(random.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        random.weighted([
          ['a', 9],
          ['b', 1],
        ] as const)
      ]++;
    expect(counts.a / 10_000).toBeCloseTo(0.9, 1);
  });
});

describe('WeightedChoice and Zipf weights', () => {
  it('picks in proportion to the weights', () => {
    const choice = new WeightedChoice(['x', 'y', 'z'], [1, 0, 3]);
    const random = new Random(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const item = choice.pick(random);
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    expect(counts.get('y')).toBeUndefined();
    expect((counts.get('z') ?? 0) / 20_000).toBeCloseTo(0.75, 1);
  });

  it('refuses an empty pool', () => {
    expect(() => new WeightedChoice([], [])).toThrow(/at least one/);
  });

  it('makes a few items carry most of the weight', () => {
    const weights = zipfWeights(1000);
    expect(weights[0]).toBe(1);
    expect(weights.every((w, i) => i === 0 || w < weights[i - 1])).toBe(true);
    const total = weights.reduce((a, b) => a + b, 0);
    const top = weights.slice(0, 20).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.45);
    const pool = shuffledZipf(
      new Random(5),
      Array.from({ length: 100 }, (_, i) => i),
    );
    expect(pool.size).toBe(100);
  });
});
