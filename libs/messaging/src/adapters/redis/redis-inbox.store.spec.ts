import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { inboxStoreContract } from '../../ports/inbox-store.contract';
import { RedisInboxStore } from './redis-inbox.store';

let redis: Redis;
beforeAll(async () => {
  redis = createRedisClient(testRedisUrl());
  await redis.connect();
});
afterAll(async () => {
  await deleteKeysUnder(redis, testKeyPrefix());
  await redis.quit();
});

inboxStoreContract('redis (real Redis)', async () => new RedisInboxStore(redis, uniquePrefix('inbox'), 60));
