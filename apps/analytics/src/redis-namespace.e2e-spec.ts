import type { INestApplication } from '@nestjs/common';
import { connectEventConsumers } from '@mikasmissions/messaging';
import { createRedisClient } from '@mikasmissions/persistence';
import { baseUrl, bootApp, deleteKeysUnder, eventually, testEnv, testKeyPrefix, testRedisUrl } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { AppModule } from './app.module';

const PREFIX = 'api/v1/analytics';
/** A logical database of the test Redis that no suite writes to, so the before/after diff is this app's alone. */
const NAMESPACE_DB = 13;

async function allKeys(redis: Redis): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'COUNT', 1_000);
    cursor = next;
    batch.forEach((key) => keys.add(key));
  } while (cursor !== '0');
  return keys;
}

/**
 * Issue 9, item 12: a whole app on Redis (stream, outbox, inbox, idempotency, cache, AuthX)
 * writes every key under this test file's run prefix, never the default `events:<type>`,
 * `mm:idem:…` or `mm:cache:…` names a developer's `dev:local` would read.
 */
describe('analytics on Redis with testEnv()', () => {
  const url = new URL(testRedisUrl());
  url.pathname = `/${NAMESPACE_DB}`;
  let redis: Redis;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    redis = createRedisClient(url.toString(), 'namespace-spec');
    await redis.connect();
  });
  afterAll(async () => {
    await app?.close();
    await deleteKeysUnder(redis, testKeyPrefix());
    await redis.quit();
  });

  it('creates keys only under the run prefix, for every lib, and the file clean-up leaves none', async () => {
    const before = await allKeys(redis);
    app = await bootApp(AppModule, { adapter: 'express', env: testEnv('redis', { REDIS_URL: url.toString() }), globalPrefix: PREFIX });
    expect(await connectEventConsumers(app)).toBe(true);
    const base = await baseUrl(app, PREFIX);
    const tenant = `ns-${Date.now().toString(36)}`;
    const headers = { 'content-type': 'application/json', 'x-tenant-id': tenant, 'idempotency-key': `ns-${tenant}` };
    expect((await fetch(`${base}/events`, { method: 'POST', headers, body: JSON.stringify({ type: 'play' }) })).status).toBe(201);
    expect((await fetch(`${base}/events`, { headers: { 'x-tenant-id': tenant } })).headers.get('x-cache')).toBe('MISS');
    const read = async () => (await fetch(`${base}/recorded-events`, { headers: { 'x-tenant-id': tenant } })).json();
    expect(await eventually(read, (body: { total: number }) => body.total >= 1)).toEqual({
      total: 1,
      data: [{ eventType: 'play', count: 1 }],
    });
    await app.close();
    app = undefined;

    const created = [...(await allKeys(redis))].filter((key) => !before.has(key)).sort();
    const prefix = testKeyPrefix();
    expect(created.filter((key) => !key.startsWith(prefix))).toEqual([]);
    expect(prefix.startsWith(`${process.env.TEST_RUN_ID}:`)).toBe(true);
    for (const lib of ['events:{analytics.event.recorded}', 'mm:inbox:', 'idem:', 'cache:']) {
      expect(created.filter((key) => key.startsWith(`${prefix}${lib}`))).not.toHaveLength(0);
    }

    expect(await deleteKeysUnder(redis, prefix)).toBe(created.length);
    expect([...(await allKeys(redis))].filter((key) => key.startsWith(prefix))).toEqual([]);
  });
});
