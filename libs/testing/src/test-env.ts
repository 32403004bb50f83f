/** The stores a test boots an app with. */
export type TestStores = 'memory' | 'postgres' | 'redis' | 'postgres+redis';

/** The throwaway database of this Jest run (made by tools/testing/global-setup.js). */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through `pnpm test` (its global setup makes the database)');
  return url;
}

/** The real Redis of this machine. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A unique prefix for keys of one test, so parallel suites never collide in Redis. */
export function uniquePrefix(label = 't'): string {
  return `${label}:${process.env.TEST_RUN_ID ?? 'local'}:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
}

/** A minimal valid environment for the given stores; merge extras over it. */
export function testEnv(stores: TestStores = 'memory', extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
  };
  if (stores.includes('postgres')) env.DATABASE_URL = testDatabaseUrl();
  if (stores.includes('redis')) env.REDIS_URL = testRedisUrl();
  return { ...env, ...extra };
}
