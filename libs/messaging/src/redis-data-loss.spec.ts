import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { EventPattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { EventContracts } from '@mikasmissions/contracts-events';
import { ReadinessRegistry } from '@mikasmissions/health';
import { createPgPool, createRedisClient, PoolSqlTransactions, quoteSchema } from '@mikasmissions/persistence';
import { createLibSchema, testDatabaseUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { lastValueFrom } from 'rxjs';
import { PostgresInboxStore } from './adapters/postgres/postgres-inbox.store';
import { PostgresOutboxStore } from './adapters/postgres/postgres-outbox.store';
import { RedisStreamsPublisher, streamKey } from './adapters/redis/redis-streams.publisher';
import { ConsumerErrorInterceptor } from './consumer-error.interceptor';
import { createEnvelope, type EventEnvelope } from './event-envelope';
import type { RelayOptions } from './messaging.options';
import { OutboxRelay } from './relay/outbox-relay';
import { DisposableRedis } from './testing/disposable-redis.test.helpers';
import { RedisStreamsClient } from './transport/redis-streams.client';
import { RedisStreamsServer } from './transport/redis-streams.server';

/** Fault 2 of issue 9: Redis restarts without its data (or is flushed) under a running relay and consumer. */
const PORT = 56379;
const contracts = new EventContracts([]).register({
  type: 'test.fault',
  version: 1,
  schema: { type: 'object', required: ['n'], additionalProperties: false, properties: { n: { type: 'integer' } } },
});
const calls = new Map<number, number>();
/** While set, handlers of events from `gatedFrom` on wait for it (they stay unacknowledged in the stream). */
let gate: Promise<void> | null = null;
let gatedFrom = 0;

@Controller()
class FaultController {
  @EventPattern('test.fault')
  async on(@Payload() event: EventEnvelope<{ n: number }>): Promise<void> {
    if (gate && event.payload.n >= gatedFrom) await gate;
    calls.set(event.payload.n, (calls.get(event.payload.n) ?? 0) + 1);
  }
}

@Module({ controllers: [FaultController], providers: [{ provide: APP_INTERCEPTOR, useClass: ConsumerErrorInterceptor }] })
class FaultModule {}

const RELAY: RelayOptions = {
  enabled: true,
  batchSize: 100,
  pollIntervalMs: 100,
  maxAttempts: 50,
  backoffBaseMs: 50,
  backoffMaxMs: 500,
  leaseMs: 30_000,
  publishedRetentionMs: 600_000,
  reconcileIntervalMs: 200,
};

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not in ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const readiness = async (registry: ReadinessRegistry): Promise<'up' | string> => {
  const transport = registry.list().find((c) => c.name === 'transport')!;
  return transport.check().then(
    () => 'up' as const,
    (e: Error) => e.message,
  );
};

describe('Redis loses its data under a running relay and consumer (own redis-server, real Postgres)', () => {
  const redisServer = new DisposableRedis(PORT);
  let pool: Pool;
  let schema: string;
  let prefix: string;
  let publisherRedis: Redis;
  let relay: OutboxRelay;
  let app: INestMicroservice;
  let registry: ReadinessRegistry;
  let writer: PostgresOutboxStore;

  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 8);
    await redisServer.start();
  });
  afterAll(async () => {
    await redisServer.kill();
    await pool.end();
  });

  beforeEach(async () => {
    calls.clear();
    gate = null;
    prefix = uniquePrefix('fault');
    schema = await createLibSchema(pool, ['messaging'], 'fault');
    const tx = new PoolSqlTransactions(pool);
    writer = new PostgresOutboxStore(tx, schema);
    publisherRedis = createRedisClient(redisServer.url, 'fault-relay');
    await publisherRedis.connect();
    relay = new OutboxRelay(new PostgresOutboxStore(tx, schema), new RedisStreamsPublisher(publisherRedis, prefix), RELAY);
    registry = new ReadinessRegistry();
    const strategy = new RedisStreamsServer({
      redisUrl: redisServer.url,
      streamPrefix: prefix,
      contracts,
      inbox: new PostgresInboxStore(tx, schema),
      readiness: registry,
      group: 'fault',
      consumer: 'fault-1',
      batchSize: 50,
      blockMs: 200,
      claimIdleMs: 1_000,
      claimIntervalMs: 200,
      retryBaseMs: 100,
      retryMaxMs: 1_000,
      maxDeliveries: 20,
      inboxTtlSeconds: 60,
      staleConsumerMs: 60_000,
    });
    app = await NestFactory.createMicroservice<MicroserviceOptions>(FaultModule, { strategy, logger: ['error'] });
    await app.listen();
  });
  afterEach(async () => {
    gate = null;
    await app.close();
    await relay.stop();
    await writer.close();
    publisherRedis.disconnect();
    await pool.query(`DROP SCHEMA ${quoteSchema(schema)} CASCADE`);
  });

  const accept = (from: number, count: number) =>
    writer.append(
      Array.from({ length: count }, (_, i) =>
        createEnvelope({ type: 'test.fault', version: 1, payload: { n: from + i }, tenantId: 't', requestId: `r${from + i}` }),
      ),
    );
  const stats = () => writer.stats();
  /** Rows the reconciler moved back to pending and the relay sent again (each publish counts an attempt; only the fault fails them). */
  const resent = async (): Promise<number> =>
    (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${quoteSchema(schema)}.outbox WHERE attempts > 1 AND last_error IS NULL`,
      )
    ).rows[0].n;

  it('restart without data: every accepted event is delivered exactly once, and readiness says the transport is down meanwhile', async () => {
    const N = 300;
    const M = 300;
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    gatedFrom = 100;
    relay.start();
    await accept(0, N);
    // Events from gatedFrom on are published but wait in the stream (their handler blocks): Redis will lose them.
    await until(async () => (await stats()).published === N, 20_000, 'the first N published');
    await until(() => calls.size >= gatedFrom, 20_000, 'the ungated events handled');
    expect(await readiness(registry)).toBe('up');

    await redisServer.kill();
    await until(async () => (await readiness(registry)) !== 'up', 5_000, 'readiness reports the transport down');
    const whileDown = await readiness(registry);
    await accept(N, M / 3);
    release();
    gate = null;
    await new Promise((r) => setTimeout(r, 500));
    expect(await readiness(registry)).not.toBe('up');

    await redisServer.restart();
    await accept(N + M / 3, M - M / 3);
    const started = Date.now();
    await until(() => calls.size === N + M, 30_000, `all ${N + M} accepted events handled (have ${calls.size})`);
    const deliveredIn = Date.now() - started;
    await until(async () => (await readiness(registry)) === 'up', 10_000, 'readiness up again');

    const duplicates = [...calls.values()].filter((c) => c !== 1).length;
    const inbox = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteSchema(schema)}.inbox`)).rows[0].n;
    // Measured figures, for the table.
    console.log(
      `redis restart without data: accepted ${N + M}, delivered ${calls.size}, lost ${N + M - calls.size}, ` +
        `handled twice ${duplicates}, re-sent by the reconciler ${await resent()}, all delivered ${deliveredIn} ms after the restart; readiness while down: "${whileDown}"`,
    );
    expect(duplicates).toBe(0);
    expect(await resent()).toBeGreaterThan(0);
    expect(inbox).toBe(N + M);
    expect(whileDown).toMatch(/cannot read|connection/);
    expect(await stats()).toMatchObject({ pending: 0, failed: 0, published: N + M });
  }, 90_000);

  it('FLUSHALL while the consumer runs (NOGROUP): it makes its group again and keeps consuming; the relay re-sends what was flushed', async () => {
    relay.start();
    await accept(0, 50);
    await until(() => calls.size === 50, 15_000, 'first 50 handled');
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    gatedFrom = 50;
    await accept(50, 150);
    await until(async () => (await stats()).published === 200, 15_000, 'next 150 published');
    const admin = createRedisClient(redisServer.url, 'fault-admin');
    await admin.connect();
    expect(await admin.xlen(streamKey(prefix, 'test.fault'))).toBe(200);
    await admin.flushall();
    release();
    gate = null;
    const client = new RedisStreamsClient({ redisUrl: redisServer.url, streamPrefix: prefix, contracts });
    await lastValueFrom(client.emit('test.fault', { n: 1_000 }));
    await accept(200, 50);
    await until(() => calls.has(1_000) && calls.size === 251, 20_000, `all handled after the flush (have ${calls.size})`);
    const groups = (await admin.xinfo('GROUPS', streamKey(prefix, 'test.fault'))) as unknown[][];
    expect(groups.map((g) => g[g.indexOf('name') + 1])).toEqual(['fault']);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    console.log(
      `FLUSHALL: accepted 251, delivered ${calls.size}, lost ${251 - calls.size}, handled twice 0, re-sent by the reconciler ${await resent()}`,
    );
    expect(await resent()).toBeGreaterThan(0);
    await until(async () => (await readiness(registry)) === 'up', 5_000, 'readiness up');
    await client.close();
    await admin.quit();
  }, 60_000);
});
