import { createRedisClient } from '@mikasmissions/persistence';
import { testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { inboxStoreContract } from '../../ports/inbox-store.contract';
import { RedisInboxStore } from './redis-inbox.store';

let redis: Redis;
beforeAll(async () => {
  redis = createRedisClient(testRedisUrl());
  await redis.connect();
});
afterAll(() => redis.quit());

inboxStoreContract('redis (real Redis)', async () => new RedisInboxStore(redis, uniquePrefix('inbox'), 60));
