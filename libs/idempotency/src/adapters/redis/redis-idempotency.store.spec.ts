import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import { describeIdempotencyStoreContract } from '../../ports/idempotency-store.contract';
import { RedisIdempotencyStore } from './redis-idempotency.store';

const redis = createRedisClient(testRedisUrl(), 'idempotency-contract');
beforeAll(() => redis.connect());
afterAll(async () => {
  await deleteKeysUnder(redis, testKeyPrefix());
  await redis.quit();
});

describeIdempotencyStoreContract('redis', () => new RedisIdempotencyStore(redis, uniquePrefix('idem')));
