import { redisClusterUnsupported, startRedisCluster, uniquePrefix, type RedisClusterHandle } from '@mikasmissions/testing';
import type { Cluster } from 'ioredis';
import { describeIdempotencyStoreContract } from '../../ports/idempotency-store.contract';
import { RedisIdempotencyStore } from './redis-idempotency.store';

const unsupported = redisClusterUnsupported();
if (unsupported) console.warn(`skipping the Redis Cluster specs of libs/idempotency: ${unsupported}`);
const onCluster = unsupported ? describe.skip : describe;

onCluster('idempotency claims on a 3-master Redis Cluster', () => {
  let cluster: RedisClusterHandle;
  let clients: Cluster[];
  beforeAll(async () => {
    cluster = await startRedisCluster();
    clients = [await cluster.client(), await cluster.client()];
  }, 60_000);
  afterAll(() => cluster?.stop());

  describeIdempotencyStoreContract('redis cluster', () => new RedisIdempotencyStore(clients[0], uniquePrefix('idem')));

  it('grants one claim per key across two replicas, for keys spread over every master', async () => {
    const prefix = uniquePrefix('idem-replicas');
    const replicas = clients.map((c) => new RedisIdempotencyStore(c, prefix));
    const keys = Array.from({ length: 30 }, (_, i) => `order-${i}`);
    const outcomes = await Promise.all(
      keys.flatMap((key) => Array.from({ length: 10 }, (_, n) => replicas[n % 2].claim(key, `fp-${key}`, 5_000))),
    );
    const claimed = outcomes.filter((o) => o.outcome === 'claimed');
    expect(claimed).toHaveLength(keys.length);
    expect(outcomes.filter((o) => o.outcome === 'in-flight')).toHaveLength(keys.length * 9);
    const perMaster = await Promise.all(clients[0].nodes('master').map(async (node) => (await node.keys(`${prefix}*`)).length));
    expect(perMaster.every((n) => n > 0)).toBe(true);
    expect(perMaster.reduce((a, b) => a + b, 0)).toBe(keys.length);
  });
});
