import type { INestApplication } from '@nestjs/common';
import { createEnvelope, PostgresOutboxStore, streamKey, type EventEnvelope } from '@mikasmissions/messaging';
import { createPgPool, createRedisClient, PoolSqlTransactions } from '@mikasmissions/persistence';
import {
  baseUrl,
  bootApp,
  createLibSchema,
  deleteKeysUnder,
  testDatabaseUrl,
  testEnv,
  testKeyPrefix,
  testRedisUrl,
  uniquePrefix,
} from '@mikasmissions/testing';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { AppModule } from './app.module';

const PREFIX = 'outbox-relay';

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const event = (n: number) =>
  createEnvelope({ type: 'test.standalone', version: 1, payload: { n }, tenantId: 't1', requestId: `r${n}`, aggregateId: `agg-${n % 3}` });

describe('outbox-relay app', () => {
  describe('with Postgres and Redis', () => {
    let pool: Pool;
    let redis: Redis;
    let app: INestApplication | undefined;
    let schema: string;
    const streams = uniquePrefix('relay-app-streams');

    beforeAll(async () => {
      pool = createPgPool(testDatabaseUrl(), 4);
      redis = createRedisClient(testRedisUrl());
      await redis.connect();
      // The analytics outbox's own DDL (its migrations) in a schema of this test, so the analytics
      // suites' in-process relays and this app never take each other's rows.
      schema = await createLibSchema(pool, ['messaging'], 'relay_app');
    });
    afterAll(async () => {
      await app?.close();
      await deleteKeysUnder(redis, testKeyPrefix());
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await redis.quit();
      await pool.end();
    });

    it('publishes pending outbox rows to Redis Streams, marks them published, reports counts on /ready and stops cleanly', async () => {
      const writer = new PostgresOutboxStore(new PoolSqlTransactions(pool), schema);
      const events = Array.from({ length: 30 }, (_, i) => event(i));
      await writer.append(events.slice(0, 20));
      app = await bootApp(AppModule, {
        adapter: 'express',
        globalPrefix: PREFIX,
        env: testEnv('postgres+redis', { OUTBOX_SCHEMA: schema, MESSAGING_STREAM_PREFIX: streams, OUTBOX_RELAY_POLL_MS: '200' }),
      });
      await until(async () => (await writer.stats()).published === 20);
      await writer.append(events.slice(20)); // written while the app idles: NOTIFY or the next poll picks them up
      await until(async () => (await writer.stats()).published === 30);

      const entries = (await redis.xrange(streamKey(streams, 'test.standalone'), '-', '+')).map(
        ([, f]) => JSON.parse(f[1]) as EventEnvelope<{ n: number }>,
      );
      expect(entries.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
      expect(await writer.stats()).toEqual({ pending: 0, published: 30, failed: 0 });

      const url = await baseUrl(app, PREFIX);
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { info: Record<string, unknown> }).info.relay).toEqual(
        expect.objectContaining({ status: 'up', schema, relaying: true, pending: 0, failed: 0, published: 30 }),
      );

      await app.close();
      app = undefined;
      const waiting = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".outbox_relay_waiting`);
      expect(waiting.rows[0].n).toBe(0);
    });
  });

  describe('in memory mode (no DATABASE_URL, no REDIS_URL)', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter: 'express', globalPrefix: PREFIX, env: testEnv('memory') });
    });
    afterAll(() => app.close());

    it('starts, answers /health 200 and /ready 200 saying there is nothing to relay', async () => {
      const url = await baseUrl(app, PREFIX);
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(200);
      const relay = ((await ready.json()) as { info: Record<string, { detail?: string }> }).info.relay;
      expect(relay).toEqual(expect.objectContaining({ status: 'up', schema: 'analytics', relaying: false }));
      expect(relay.detail).toMatch(/nothing to relay: DATABASE_URL and REDIS_URL not set/);
    });
  });
});
