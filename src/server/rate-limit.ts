/**
 * A token bucket per client IP, in memory: each IP may send `perMinute`
 * requests at once and gets them back at an even rate. Kept in this process
 * only, so a restart forgives everyone and several processes each count on
 * their own; enough to keep one script from filling the inbox.
 */

export interface RateLimit {
  /** Takes one token for `ip`: 0 when allowed, else the seconds until the next one. */
  take(ip: string): number;
  /** How many addresses are remembered. */
  size(): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

// Buckets that have refilled are forgotten when the map grows past this,
// so a flood of addresses cannot grow memory without bound; the next sweep
// waits until the map has doubled, so sweeping stays cheap under a flood.
const SWEEP_AT = 10_000;

/** A limiter allowing `perMinute` requests per IP per minute; 0 allows all. */
export function rateLimit(perMinute: number, now: () => number = Date.now): RateLimit {
  const buckets = new Map<string, Bucket>();
  let sweepAt = SWEEP_AT;
  const perMs = perMinute / 60_000;
  const refill = (b: Bucket, t: number) => Math.min(perMinute, b.tokens + (t - b.at) * perMs);
  return {
    take(ip) {
      if (perMinute <= 0) return 0;
      const t = now();
      if (buckets.size >= sweepAt) {
        for (const [key, b] of buckets) if (refill(b, t) >= perMinute) buckets.delete(key);
        sweepAt = Math.max(SWEEP_AT, buckets.size * 2);
      }
      const bucket = buckets.get(ip) ?? { tokens: perMinute, at: t };
      bucket.tokens = refill(bucket, t);
      bucket.at = t;
      buckets.set(ip, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
    size: () => buckets.size,
  };
}
