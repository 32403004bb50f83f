import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { deleteKeysUnder } from './redis-test-keys';
import { testKeyPrefix, testRedisUrl, type TestStores } from './test-env';

/** Deletes every Redis key this test file wrote (all under {@link testKeyPrefix}); returns how many. */
export async function deleteTestFileKeys(): Promise<number> {
  const redis = new Redis(testRedisUrl(), { lazyConnect: true, connectionName: 'testing-file-keys', maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return await deleteKeysUnder(redis, testKeyPrefix());
  } finally {
    await redis.quit();
  }
}

/**
 * Closes an app booted with {@link bootApp} and, when its `stores` include Redis, deletes the
 * keys the test file wrote ({@link deleteTestFileKeys}).
 *
 * @example
 * afterAll(() => closeTestApp(app, 'postgres+redis'));
 */
export async function closeTestApp(app: INestApplication, stores: TestStores): Promise<void> {
  await app.close();
  if (stores.includes('redis')) await deleteTestFileKeys();
}
