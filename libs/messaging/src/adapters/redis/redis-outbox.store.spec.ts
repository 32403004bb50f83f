import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { outboxStoreContract } from '../../ports/outbox-store.contract';
import { RedisOutboxStore } from './redis-outbox.store';

let redis: Redis;
beforeAll(async () => {
  redis = createRedisClient(testRedisUrl());
  await redis.connect();
});
afterAll(async () => {
  await deleteKeysUnder(redis, testKeyPrefix());
  await redis.quit();
});

outboxStoreContract('redis (real Redis)', async () => new RedisOutboxStore(redis, uniquePrefix('outbox')));
