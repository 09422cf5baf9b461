import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst of perMinute, then refills at perMinute a minute', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1); // one token a second
    now += 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter(2, () => 0);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a')).toBeGreaterThan(0);
    expect(limiter.take('b')).toBe(0);
  });
});

describe('RateLimiter memory', () => {
  it('keeps at most maxKeys buckets, whatever the keys', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now, 1000);
    for (let i = 0; i < 50_000; i++) {
      limiter.take(`attacker-${i}`);
      limiter.take(`attacker-${i}`);
      limiter.take(`attacker-${i}`);
      now += 1;
    }
    expect(limiter.size).toBeLessThanOrEqual(1000);
  });

  it('tells the wait without taking a token', () => {
    const limiter = new RateLimiter(2, () => 0);
    expect(limiter.wait('a')).toBe(0);
    limiter.take('a');
    expect(limiter.wait('a')).toBe(0);
    limiter.take('a');
    expect(limiter.wait('a')).toBe(30);
    expect(limiter.wait('a')).toBe(30);
    expect(limiter.take('a')).toBe(30);
  });
});
