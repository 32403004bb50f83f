import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { relationTupleStoreContract } from '../../ports/relation-tuple-store.contract';
import { RedisRelationTupleStore } from './redis-relation-tuple.store';

let redis: Redis;
beforeAll(async () => {
  redis = createRedisClient(testRedisUrl(), 'authx-rebac-test');
  await redis.connect();
});
afterAll(async () => {
  await deleteKeysUnder(redis, testKeyPrefix());
  await redis.quit();
});

relationTupleStoreContract('redis', () => new RedisRelationTupleStore(redis, uniquePrefix('authx-rebac')));
