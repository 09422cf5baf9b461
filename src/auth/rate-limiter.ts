/**
 * A token bucket per key: `perMinute` requests a minute on average, bursts up to `perMinute`.
 * Buckets are separate, so one key's burst does not slow another. In-process: with several
 * replicas each applies its own limit. At most `maxKeys` buckets are kept: past that, full buckets
 * go first, then the least recently used, so memory stays bounded whatever the keys are.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  /** Buckets kept. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for `key`; answers the seconds to wait when none is left, else 0. */
  take(key: string): number {
    const bucket = this.refill(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.waitFor(bucket);
  }

  /** The seconds `key` must wait before it may take a token (0: it may now); takes nothing. */
  wait(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const tokens = Math.min(this.perMinute, bucket.tokens + (this.now() - bucket.at) * this.rate);
    return tokens >= 1 ? 0 : this.waitFor({ tokens });
  }

  private get rate(): number {
    return this.perMinute / 60_000;
  }

  private waitFor(bucket: { tokens: number }): number {
    return Math.ceil((1 - bucket.tokens) / this.rate / 1000);
  }

  /** The bucket of `key`, refilled to now and moved last (most recently used). */
  private refill(key: string) {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) this.buckets.delete(key);
    else {
      if (this.buckets.size >= this.maxKeys) this.evict(now);
      bucket = { tokens: this.perMinute, at: now };
    }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Drops full buckets (they hold nothing a new one would not); if none was, the oldest tenth. */
  private evict(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.rate >= this.perMinute) this.buckets.delete(key);
    }
    if (this.buckets.size < this.maxKeys) return;
    let drop = Math.max(1, Math.floor(this.maxKeys / 10));
    for (const key of this.buckets.keys()) {
      if (drop-- === 0) break;
      this.buckets.delete(key);
    }
  }
}
