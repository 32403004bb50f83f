import { createRedisClient } from '@mikasmissions/persistence';
import { testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { outboxStoreContract } from '../../ports/outbox-store.contract';
import { RedisOutboxStore } from './redis-outbox.store';

let redis: Redis;
beforeAll(async () => {
  redis = createRedisClient(testRedisUrl());
  await redis.connect();
});
afterAll(() => redis.quit());

outboxStoreContract('redis (real Redis)', async () => new RedisOutboxStore(redis, uniquePrefix('outbox')));
