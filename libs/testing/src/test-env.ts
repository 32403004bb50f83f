import { testRunKeyPrefix } from './test-run';

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

const random = (): string => Math.random().toString(36).slice(2, 8);

/** Evaluated once per test file: Jest gives every file its own module registry. */
const fileScope = `${process.pid}-${random()}`;

/**
 * The Redis key prefix of this test file in this run: `<run name>:<pid>-<random>:`. Every key
 * `testEnv()` and `uniquePrefix()` give a test starts with it, so one
 * `deleteKeysUnder(redis, testKeyPrefix())` in `afterAll` removes what the file wrote.
 */
export function testKeyPrefix(): string {
  return `${testRunKeyPrefix()}${fileScope}:`;
}

/** A unique prefix for keys of one test, under {@link testKeyPrefix}: parallel suites never collide in Redis. */
export function uniquePrefix(label = 't'): string {
  return `${testKeyPrefix()}${label}:${random()}:`;
}

/**
 * The key and stream prefix variables of every lib that writes to Redis, all under `prefix`:
 * messaging (streams, outbox, inbox), cache, idempotency, AuthX and the gateway's rate limits
 * (so two stacks on the shared Redis never share a client IP's bucket).
 */
export function redisPrefixEnv(prefix = testKeyPrefix()): Record<string, string> {
  return {
    MESSAGING_STREAM_PREFIX: `${prefix}events:`,
    MESSAGING_KEY_PREFIX: `${prefix}mm:`,
    CACHE_KEY_PREFIX: `${prefix}cache:`,
    IDEMPOTENCY_KEY_PREFIX: `${prefix}idem:`,
    AUTHX_REDIS_PREFIX: `${prefix}authx:`,
    GATEWAY_RATE_PREFIX: `${prefix}rl:`,
  };
}

/** The `EDGE_IDENTITY_KEY` of {@link testEnv}: sign test identities with it (`signIdentity` of libs/service-identity). */
export const TEST_EDGE_IDENTITY_KEY = 'test-edge-identity-key-that-is-long-enough-01';

/**
 * A minimal valid environment for the given stores; merge extras over it. It always carries
 * {@link redisPrefixEnv} (also for `'memory'`, so a test that adds `REDIS_URL` itself stays in
 * its namespace): a test never writes the default `events:<type>`, `mm:idem:…` or `authx:…` keys.
 */
export function testEnv(stores: TestStores = 'memory', extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    EDGE_IDENTITY_KEY: TEST_EDGE_IDENTITY_KEY,
    LOG_LEVEL: 'silent',
    ...redisPrefixEnv(),
  };
  if (stores.includes('postgres')) env.DATABASE_URL = testDatabaseUrl();
  if (stores.includes('redis')) env.REDIS_URL = testRedisUrl();
  return { ...env, ...extra };
}
