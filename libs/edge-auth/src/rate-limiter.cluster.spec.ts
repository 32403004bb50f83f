import { redisClusterUnsupported, startRedisCluster, uniquePrefix, type RedisClusterHandle } from '@mikasmissions/testing';
import type { Cluster } from 'ioredis';
import type { RateBucket } from './rate-buckets';
import { RateLimiter } from './rate-limiter';

const unsupported = redisClusterUnsupported();
if (unsupported) console.warn(`skipping the Redis Cluster specs of libs/edge-auth: ${unsupported}`);
const onCluster = unsupported ? describe.skip : describe;

const bucket: RateBucket = { name: 'strict', limit: 5, windowMs: 60_000 };

onCluster('RateLimiter on a 3-master Redis Cluster', () => {
  let cluster: RedisClusterHandle;
  let clients: Cluster[];
  beforeAll(async () => {
    cluster = await startRedisCluster();
    clients = [await cluster.client(), await cluster.client()];
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('holds each caller to the limit in total across two gateway replicas, callers spread over every master', async () => {
    const prefix = uniquePrefix('rl-cluster');
    const limiters = clients.map((c) => new RateLimiter(c, prefix));
    const callers = Array.from({ length: 12 }, (_, i) => `198.51.100.${i}`);
    const decisions = await Promise.all(
      callers.flatMap((caller) =>
        Array.from({ length: 12 }, (_, n) => limiters[n % 2].take(bucket, caller).then((d) => ({ caller, ...d }))),
      ),
    );
    for (const caller of callers) {
      const mine = decisions.filter((d) => d.caller === caller);
      expect(mine.filter((d) => d.allowed)).toHaveLength(5);
      expect(mine.filter((d) => !d.allowed).every((d) => d.retryAfterSec >= 1)).toBe(true);
    }
    const perMaster = await Promise.all(clients[0].nodes('master').map(async (node) => (await node.keys(`${prefix}*`)).length));
    expect(perMaster.every((n) => n > 0)).toBe(true);
  });

  it('refills on the explicit clock like on one server (EVALSHA falls back to EVAL on each node)', async () => {
    const limiter = new RateLimiter(clients[1], uniquePrefix('rl-cluster'));
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i += 1) expect((await limiter.take(bucket, 'p1', t0)).remaining).toBe(4 - i);
    expect(await limiter.take(bucket, 'p1', t0)).toEqual({ allowed: false, remaining: 0, retryAfterSec: 12 });
    expect((await limiter.take(bucket, 'p1', t0 + 12_000)).allowed).toBe(true);
  });
});
