import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type { RateBucket } from './rate-buckets';
import { RateLimiter } from './rate-limiter';

const one = createRedisClient(testRedisUrl(), 'edge-auth-limiter-1');
const two = createRedisClient(testRedisUrl(), 'edge-auth-limiter-2');
beforeAll(() => Promise.all([one.connect(), two.connect()]));
afterAll(async () => {
  await deleteKeysUnder(one, testKeyPrefix());
  await Promise.all([one.quit(), two.quit()]);
});

const bucket: RateBucket = { name: 'strict', limit: 5, windowMs: 60_000 };

describe('RateLimiter', () => {
  it('holds the limit in total across two instances sharing Redis', async () => {
    const prefix = uniquePrefix('rl');
    const limiters = [new RateLimiter(one, prefix), new RateLimiter(two, prefix)];
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => limiters[i % 2].take(bucket, '203.0.113.7')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(
      decisions
        .filter((d) => d.allowed)
        .map((d) => d.remaining)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4]);
    for (const refused of decisions.filter((d) => !d.allowed)) {
      expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSec: expect.any(Number) });
      expect(refused.retryAfterSec).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSec).toBeLessThanOrEqual(12);
    }
    expect((await limiters[0].take(bucket, '198.51.100.1')).allowed).toBe(true);
  });

  it('refills one request per window/limit and says when (explicit clock)', async () => {
    const limiter = new RateLimiter(one, uniquePrefix('rl'));
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i += 1) expect((await limiter.take(bucket, 'p1', t0)).remaining).toBe(4 - i);
    expect(await limiter.take(bucket, 'p1', t0)).toEqual({ allowed: false, remaining: 0, retryAfterSec: 12 });
    expect(await limiter.take(bucket, 'p1', t0 + 11_001)).toEqual({ allowed: false, remaining: 0, retryAfterSec: 1 });
    expect(await limiter.take(bucket, 'p1', t0 + 12_000)).toEqual({ allowed: true, remaining: 0, retryAfterSec: 0 });
    expect((await limiter.take(bucket, 'p1', t0 + 12_000)).allowed).toBe(false);
    expect(await limiter.take(bucket, 'p1', t0 + 12_000 + 60_000)).toEqual({ allowed: true, remaining: 4, retryAfterSec: 0 });
  });

  it('keeps buckets and callers apart, expires idle keys, and hashes long keys', async () => {
    const prefix = uniquePrefix('rl');
    const limiter = new RateLimiter(one, prefix);
    const tiny: RateBucket = { name: 'tiny', limit: 1, windowMs: 1_000 };
    expect((await limiter.take(tiny, 'a')).allowed).toBe(true);
    expect((await limiter.take(tiny, 'a')).allowed).toBe(false);
    expect((await limiter.take(tiny, 'b')).allowed).toBe(true);
    expect((await limiter.take({ ...tiny, name: 'other' }, 'a')).allowed).toBe(true);
    const ttl = await one.pttl(`${prefix}tiny:a`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_000);
    await limiter.take(tiny, 'x'.repeat(5_000));
    expect((await one.keys(`${prefix}tiny:sha256:*`)).length).toBe(1);
  });

  it('lets a Redis failure reach the caller (which fails open or closed)', async () => {
    const down = createRedisClient('redis://127.0.0.1:1', 'edge-auth-limiter-down');
    await expect(new RateLimiter(down, uniquePrefix('rl')).take(bucket, 'a')).rejects.toThrow();
    down.disconnect();
  });

  it('rejects a bucket without a positive limit and window', async () => {
    const limiter = new RateLimiter(one, uniquePrefix('rl'));
    await expect(limiter.take({ name: 'bad', limit: 0, windowMs: 1_000 }, 'a')).rejects.toThrow(/limit and windowMs/);
  });
});
