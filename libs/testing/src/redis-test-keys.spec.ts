import Redis from 'ioredis';
import { deleteKeysUnder, deleteStaleTestRunKeys } from './redis-test-keys';
import { testKeyPrefix, testRedisUrl, uniquePrefix } from './test-env';
import { newTestRunId, testRunId, testRunKeyPrefix, testRunOfDatabase, testRunStartedAt } from './test-run';

const HOUR = 3_600_000;

describe('test run names', () => {
  it('carry their start time, and every key prefix of a test starts with the run name', () => {
    const now = Date.UTC(2026, 11, 1, 12);
    expect(testRunStartedAt(newTestRunId(now, 4242))).toBe(now);
    expect(testRunStartedAt('mm_test_local')).toBeUndefined();
    expect(testRunStartedAt('analytics')).toBeUndefined();
    const run = newTestRunId(now, 7);
    expect([run, `${run}_crash_x1y2z`, `${run}-x`, 'mm_test_local', 'postgres'].map(testRunOfDatabase)).toEqual([
      run,
      run,
      undefined,
      undefined,
      undefined,
    ]);
    expect(testKeyPrefix().startsWith(testRunKeyPrefix(testRunId()))).toBe(true);
    expect(uniquePrefix('x').startsWith(testKeyPrefix())).toBe(true);
  });
});

describe('deleting test keys (real Redis)', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(testRedisUrl(), { connectionName: 'testing-keys-spec' });
  });
  afterAll(async () => {
    await deleteKeysUnder(redis, testKeyPrefix());
    await redis.quit();
  });

  it('deletes every key (strings, hashes, streams, 2,500 of them) under a prefix and nothing beside it', async () => {
    const prefix = uniquePrefix('cleanup');
    const sibling = `${prefix.slice(0, -1)}x:`;
    const glob = `${prefix}*`;
    const write = redis.pipeline();
    for (let i = 0; i < 2_500; i++) write.set(`${prefix}k${i}`, '1');
    write
      .hset(`${prefix}hash`, 'f', '1')
      .xadd(`${prefix}events:t`, '*', 'envelope', '{}')
      .set(glob, 'literal star')
      .set(`${sibling}keep`, '1');
    await write.exec();

    expect(await deleteKeysUnder(redis, prefix, { scanCount: 500 })).toBe(2_503);
    expect(await redis.exists(`${prefix}k0`, `${prefix}hash`, `${prefix}events:t`, glob)).toBe(0);
    expect(await redis.get(`${sibling}keep`)).toBe('1');
  });

  it('stops at maxKeys, and refuses prefixes outside the test namespace', async () => {
    const prefix = uniquePrefix('bounded');
    await redis.mset(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${prefix}${i}`, '1'])));
    expect(await deleteKeysUnder(redis, prefix, { maxKeys: 10, scanCount: 5 })).toBe(10);
    expect(await deleteKeysUnder(redis, prefix)).toBe(20);
    for (const bad of ['', 'mm_test_', 'mm_test_m', 'mm_test_mx4f_1', 'mm:idem:', 'events:', '*', ':'])
      await expect(deleteKeysUnder(redis, bad)).rejects.toThrow(/refusing prefix/);
  });

  it("deletes only stale runs' keys at set-up, per run, keeping fresh runs and its own", async () => {
    const now = Date.now();
    const stale = newTestRunId(now - 2 * HOUR, 1);
    const fresh = newTestRunId(now - 10 * 60_000, 1);
    const own = newTestRunId(now - 3 * HOUR, 2);
    await redis.mset({ [`${stale}:a`]: '1', [`${stale}:b:c`]: '1', [`${fresh}:a`]: '1', [`${own}:a`]: '1' });
    try {
      const deleted = await deleteStaleTestRunKeys(redis, HOUR, own, now);
      expect(deleted.get(stale)).toBe(2);
      expect(deleted.has(fresh)).toBe(false);
      expect(await redis.exists(`${stale}:a`, `${stale}:b:c`)).toBe(0);
      expect(await redis.exists(`${fresh}:a`, `${own}:a`)).toBe(2);
    } finally {
      await redis.del(`${stale}:a`, `${stale}:b:c`, `${fresh}:a`, `${own}:a`);
    }
  });
});
