/**
 * A token bucket per key: `perMinute` requests a minute on average, bursts up to `perMinute`.
 * Buckets are separate, so one key's burst does not slow another. In-process: with several
 * replicas each applies its own limit.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; answers the seconds to wait when none is left, else 0. */
  take(key: string): number {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    if (this.buckets.size > 100_000) this.prune(now);
    return Math.ceil((1 - bucket.tokens) / rate / 1000);
  }

  /** Drops full buckets, so memory stays bounded by the keys in use. */
  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * (this.perMinute / 60_000) >= this.perMinute)
        this.buckets.delete(key);
    }
  }
}
