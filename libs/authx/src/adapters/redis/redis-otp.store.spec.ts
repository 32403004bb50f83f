import { createRedisClient } from '@mikasmissions/persistence';
import { testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { otpStoreContract } from '../../ports/otp-store.contract';
import { RedisOtpStore } from './redis-otp.store';

let redis: Redis;
beforeAll(async () => {
  redis = createRedisClient(testRedisUrl(), 'authx-test');
  await redis.connect();
});
afterAll(() => redis.quit());

otpStoreContract('redis', () => new RedisOtpStore(redis, uniquePrefix('authx-otp')));
