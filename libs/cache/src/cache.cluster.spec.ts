import { Controller, Get, type INestApplication, Module, Post, Query } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import {
  baseUrl,
  bootApp,
  redisClusterUnsupported,
  startRedisCluster,
  testEnv,
  uniquePrefix,
  type RedisClusterHandle,
} from '@mikasmissions/testing';
import type { Cluster } from 'ioredis';
import { RedisCacheStore } from './adapters/redis/redis-cache.store';
import { Cache } from './cache.decorator';
import { CacheModule } from './cache.module';
import { CacheService } from './cache.service';
import { describeCacheStoreContract } from './ports/cache-store.contract';

const unsupported = redisClusterUnsupported();
if (unsupported) console.warn(`skipping the Redis Cluster specs of libs/cache: ${unsupported}`);
const onCluster = unsupported ? describe.skip : describe;

const calls = new Map<string, number>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

@Controller('items')
class ItemsController {
  constructor(private readonly cache: CacheService) {}

  @Cache({ ttlMs: 1_000, swrMs: 4_000, key: ({ query }) => `items:${String(query.v)}`, tags: ['items', 'catalog'] })
  @Get()
  async list(@Query('v') v: string): Promise<{ v: string; version: number }> {
    calls.set(v, (calls.get(v) ?? 0) + 1);
    await sleep(300);
    return { v, version: calls.get(v)! };
  }

  @Post('invalidate')
  async invalidate(): Promise<{ n: number }> {
    return { n: await this.cache.invalidateTag('items') };
  }
}

const PREFIX = uniquePrefix('cache-cluster');

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot(),
    PersistenceModule,
    PlatformHttpModule,
    CacheModule.forRoot({ keyPrefix: PREFIX, lockTtlMs: 2_000 }),
  ],
  controllers: [ItemsController],
})
class ClusterCacheModule {}

onCluster('cache on a 3-master Redis Cluster', () => {
  let cluster: RedisClusterHandle;
  let client: Cluster;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    client = await cluster.client();
  }, 60_000);
  afterAll(() => cluster?.stop());

  describeCacheStoreContract('redis cluster', () => new RedisCacheStore(client, uniquePrefix('cache')));

  describe('@Cache across two replicas', () => {
    let replicas: INestApplication[];
    let urls: string[];
    beforeAll(async () => {
      const env = testEnv('memory', { REDIS_CLUSTER_NODES: cluster.nodes.join(',') });
      replicas = await Promise.all([0, 1].map(() => bootApp(ClusterCacheModule, { adapter: 'express', env })));
      urls = await Promise.all(replicas.map((r) => baseUrl(r)));
    }, 30_000);
    afterAll(() => Promise.all((replicas ?? []).map((r) => r.close())));

    it('fills a miss once in total (single-flight lock in the cluster), then serves HITs from either replica', async () => {
      const key = `sf-${Date.now()}`;
      const first = await Promise.all(urls.flatMap((u) => Array.from({ length: 25 }, () => fetch(`${u}/items?v=${key}`))));
      expect(first.map((r) => r.status)).toEqual(first.map(() => 200));
      expect(new Set(await Promise.all(first.map((r) => r.text()))).size).toBe(1);
      expect(calls.get(key)).toBe(1);
      for (const u of urls) expect((await fetch(`${u}/items?v=${key}`)).headers.get('x-cache')).toBe('HIT');
    }, 20_000);

    it('invalidates a tag whose entries live in different slots, from one replica for both', async () => {
      const stamp = Date.now();
      const keys = Array.from({ length: 12 }, (_, i) => `tag-${stamp}-${i}`);
      expect((await Promise.all(keys.map((key) => fetch(`${urls[0]}/items?v=${key}`)))).map((r) => r.status)).toEqual(keys.map(() => 200));
      const masters = await Promise.all(client.nodes('master').map(async (node) => (await node.keys(`*tag-${stamp}-*`)).length));
      expect(masters.filter((n) => n > 0).length).toBeGreaterThan(1);
      const invalidated = await fetch(`${urls[1]}/items/invalidate`, { method: 'POST' });
      expect((await invalidated.json()).n).toBeGreaterThanOrEqual(keys.length);
      const again = await Promise.all(keys.map((key) => fetch(`${urls[0]}/items?v=${key}`)));
      expect(again.map((r) => r.headers.get('x-cache'))).toEqual(keys.map(() => 'MISS'));
      expect(keys.map((k) => calls.get(k))).toEqual(keys.map(() => 2));
    }, 20_000);
  });
});
