import { describe, expect, it } from 'vitest';
import { rateLimit } from '../../src/server/rate-limit.js';

describe('rateLimit', () => {
  it('allows a burst of N per IP, then says how long to wait, and refills evenly', () => {
    let now = 0;
    const limit = rateLimit(10, () => now);
    for (let i = 0; i < 10; i++) expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBe(6); // one token every 6 s
    expect(limit.take('b')).toBe(0);
    now += 6_000;
    expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBeGreaterThan(0);
    now += 60_000;
    for (let i = 0; i < 10; i++) expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBeGreaterThan(0);
  });

  it('allows everything at 0', () => {
    const limit = rateLimit(0);
    for (let i = 0; i < 100; i++) expect(limit.take('a')).toBe(0);
  });

  it('forgets idle addresses so memory stays bounded', () => {
    let now = 0;
    const limit = rateLimit(1, () => now);
    for (let i = 0; i < 20_000; i++) limit.take(`10.0.${i >> 8}.${i & 255}`);
    expect(limit.size()).toBeLessThanOrEqual(20_000);
    now += 60_000;
    expect(limit.take('10.0.0.0')).toBe(0);
    expect(limit.size()).toBe(1);
  });
});
