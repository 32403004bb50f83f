import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import { describeCacheStoreContract } from '../../ports/cache-store.contract';
import { RedisCacheStore } from './redis-cache.store';

const redis = createRedisClient(testRedisUrl(), 'cache-contract');
beforeAll(() => redis.connect());
afterAll(async () => {
  await deleteKeysUnder(redis, testKeyPrefix());
  await redis.quit();
});

describeCacheStoreContract('redis', () => new RedisCacheStore(redis, uniquePrefix('cache')));
