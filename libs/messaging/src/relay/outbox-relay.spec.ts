import { createPgPool, createRedisClient, PoolSqlTransactions } from '@mikasmissions/persistence';
import { createLibSchema, deleteKeysUnder, testDatabaseUrl, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { MemoryOutboxStore } from '../adapters/memory/memory-outbox.store';
import { PostgresOutboxStore } from '../adapters/postgres/postgres-outbox.store';
import { RedisStreamsPublisher, streamKey } from '../adapters/redis/redis-streams.publisher';
import { createEnvelope, type EventEnvelope } from '../event-envelope';
import type { RelayOptions } from '../messaging.options';
import { EventTransport, type PublishResult } from '../ports/event-transport';
import { OutboxRelay, RELAY_ROUND_RETRY_MAX_MS, relayBackoffMs, relayRoundRetryMs } from './outbox-relay';

const OPTIONS: RelayOptions = {
  enabled: true,
  batchSize: 50,
  pollIntervalMs: 50,
  maxAttempts: 3,
  backoffBaseMs: 10,
  backoffMaxMs: 40,
  leaseMs: 30_000,
  publishedRetentionMs: 60_000,
  reconcileIntervalMs: 100,
};
const event = (n: number, aggregateId?: string) =>
  createEnvelope({ type: 'test.relayed', version: 1, payload: { n }, tenantId: 't', requestId: `r${n}`, aggregateId });

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('OutboxRelay', () => {
  it('backs off exponentially and caps the delay', () => {
    const o = { backoffBaseMs: 100, backoffMaxMs: 1_000 };
    expect(relayBackoffMs(1, o)).toBeGreaterThanOrEqual(80);
    expect(relayBackoffMs(1, o)).toBeLessThanOrEqual(120);
    expect(relayBackoffMs(3, o)).toBeGreaterThanOrEqual(320);
    expect(relayBackoffMs(3, o)).toBeLessThanOrEqual(480);
    expect(relayBackoffMs(20, o)).toBeLessThanOrEqual(1_200);
  });

  it("retries a round that failed as a whole (store down) within a few seconds however long the outage, not after the rows' backoff cap", () => {
    const o = { backoffBaseMs: 500, backoffMaxMs: 60_000 };
    expect(relayRoundRetryMs(1, o)).toBeLessThanOrEqual(600);
    expect(relayRoundRetryMs(20, o)).toBe(RELAY_ROUND_RETRY_MAX_MS);
    expect(relayBackoffMs(20, o)).toBeGreaterThan(RELAY_ROUND_RETRY_MAX_MS);
  });

  it('retries a failing transport, then marks the row failed with the last error', async () => {
    const store = new MemoryOutboxStore();
    let calls = 0;
    const transport = new (class extends EventTransport {
      async publish(envelopes: EventEnvelope[]): Promise<PublishResult[]> {
        calls += 1;
        return envelopes.map(() => ({ ok: false, error: `XADD refused (${calls})` }));
      }
    })();
    const relay = new OutboxRelay(store, transport, OPTIONS);
    await store.append([event(1)]);
    relay.start();
    await until(async () => (await store.stats()).failed === 1);
    await relay.stop();
    expect(calls).toBe(3);
    expect(await store.listFailed(5)).toEqual([expect.objectContaining({ attempts: 3, lastError: 'XADD refused (3)', status: 'failed' })]);
  });

  it('never marks a row failed while the transport is unreachable; it goes out once the transport is back', async () => {
    const store = new MemoryOutboxStore();
    let down = true;
    let calls = 0;
    const transport = new (class extends EventTransport {
      async publish(envelopes: EventEnvelope[]): Promise<PublishResult[]> {
        calls += 1;
        return envelopes.map(() => (down ? { ok: false, error: 'Connection is closed.', unavailable: true } : { ok: true }));
      }
    })();
    const relay = new OutboxRelay(store, transport, OPTIONS);
    await store.append([event(1)]);
    relay.start();
    await until(async () => calls > OPTIONS.maxAttempts + 2);
    expect(await store.stats()).toEqual({ pending: 1, published: 0, failed: 0 });
    down = false;
    await until(async () => (await store.stats()).published === 1);
    await relay.stop();
  });

  describe('against real Postgres and Redis', () => {
    let pool: Pool;
    let redis: Redis;
    beforeAll(async () => {
      pool = createPgPool(testDatabaseUrl(), 8);
      redis = createRedisClient(testRedisUrl());
      await redis.connect();
    });
    afterAll(async () => {
      await deleteKeysUnder(redis, testKeyPrefix());
      await redis.quit();
      await pool.end();
    });

    it('two relays at once publish every row exactly once, each aggregate in write order', async () => {
      const schema = await createLibSchema(pool, ['messaging'], 'relay');
      const prefix = uniquePrefix('relay-streams');
      const writer = new PostgresOutboxStore(new PoolSqlTransactions(pool), schema);
      const events = Array.from({ length: 2_000 }, (_, i) => event(i, `agg-${i % 40}`));
      for (let i = 0; i < events.length; i += 500) await writer.append(events.slice(i, i + 500));

      const relays = [1, 2].map(
        () =>
          new OutboxRelay(
            new PostgresOutboxStore(new PoolSqlTransactions(pool), schema),
            new RedisStreamsPublisher(redis, prefix),
            OPTIONS,
          ),
      );
      relays.forEach((r) => r.start());
      await until(async () => (await writer.stats()).published === events.length);
      await Promise.all(relays.map((r) => r.stop()));

      const entries = (await redis.xrange(streamKey(prefix, 'test.relayed'), '-', '+')).map(
        ([, fields]) => JSON.parse(fields[1]) as EventEnvelope<{ n: number }>,
      );
      expect(entries).toHaveLength(events.length);
      expect(new Set(entries.map((e) => e.id)).size).toBe(events.length);
      const seen = new Map<string, number>();
      for (const e of entries) {
        const previous = seen.get(e.aggregateId!) ?? -1;
        expect(e.payload.n).toBeGreaterThan(previous);
        seen.set(e.aggregateId!, e.payload.n);
      }
      await redis.del(...(await redis.keys(`${prefix}*`)));
    });

    it('wakes on NOTIFY: a row committed while the relay idles is published well before the next poll', async () => {
      const schema = await createLibSchema(pool, ['messaging'], 'wake');
      const prefix = uniquePrefix('wake-streams');
      const relayStore = new PostgresOutboxStore(new PoolSqlTransactions(pool), schema);
      const writer = new PostgresOutboxStore(new PoolSqlTransactions(pool), schema);
      const relay = new OutboxRelay(relayStore, new RedisStreamsPublisher(redis, prefix), { ...OPTIONS, pollIntervalMs: 60_000 });
      relay.start();
      await until(
        async () => (await pool.query(`SELECT count(*)::int AS n FROM "${schema}".outbox_relay_waiting`)).rows[0].n === 1,
        10_000,
      );
      await writer.append([event(1)]);
      await until(async () => (await redis.xlen(streamKey(prefix, 'test.relayed'))) === 1, 10_000);
      await relay.stop();
      expect((await pool.query(`SELECT count(*)::int AS n FROM "${schema}".outbox_relay_waiting`)).rows[0].n).toBe(0);
      await redis.del(...(await redis.keys(`${prefix}*`)));
    });
  });
});
