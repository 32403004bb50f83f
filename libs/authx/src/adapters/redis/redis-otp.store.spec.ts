import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { otpStoreContract } from '../../ports/otp-store.contract';
import { RedisOtpStore } from './redis-otp.store';

let redis: Redis;
beforeAll(async () => {
  redis = createRedisClient(testRedisUrl(), 'authx-test');
  await redis.connect();
});
afterAll(async () => {
  await deleteKeysUnder(redis, testKeyPrefix());
  await redis.quit();
});

otpStoreContract('redis', () => new RedisOtpStore(redis, uniquePrefix('authx-otp')));
