import type { INestApplication } from '@nestjs/common';
import { createEnvelope, PostgresOutboxStore, streamKey } from '@mikasmissions/messaging';
import { createPgPool, createRedisClient, PoolSqlTransactions } from '@mikasmissions/persistence';
import {
  baseUrl,
  bootApp,
  createLibSchema,
  deleteKeysUnder,
  startFaultProxy,
  testDatabaseUrl,
  testEnv,
  testKeyPrefix,
  testRedisUrl,
  uniquePrefix,
  type FaultProxy,
} from '@mikasmissions/testing';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { AppModule } from './app.module';

const PREFIX = 'outbox-relay';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
  return Date.now() - started;
}

const event = (n: number) => createEnvelope({ type: 'test.pgfault', version: 1, payload: { n }, tenantId: 't1', requestId: `r${n}` });

/** Issue 9, fault 1: the standalone relay (no Prisma, so no listener of Prisma's on the pool) through a Postgres outage. */
describe('outbox-relay app through a Postgres outage', () => {
  let pool: Pool;
  let redis: Redis;
  let proxy: FaultProxy;
  let app: INestApplication | undefined;
  let schema: string;
  const streams = uniquePrefix('relay-pgfault-streams');

  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 2);
    redis = createRedisClient(testRedisUrl());
    await redis.connect();
    schema = await createLibSchema(pool, ['messaging'], 'relay_pgf');
    const target = new URL(testDatabaseUrl());
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port || 5432) });
  });
  afterAll(async () => {
    await proxy.restore();
    await app?.close();
    await proxy.close();
    await deleteKeysUnder(redis, testKeyPrefix());
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    await redis.quit();
    await pool.end();
  });

  it('stays up while Postgres is down (/health 200, /ready 503 naming postgres) and relays what was written meanwhile once it is back', async () => {
    const writer = new PostgresOutboxStore(new PoolSqlTransactions(pool), schema);
    await writer.append([0, 1, 2].map(event));
    app = await bootApp(AppModule, {
      adapter: 'express',
      globalPrefix: PREFIX,
      env: testEnv('redis', {
        DATABASE_URL: proxy.url(testDatabaseUrl()),
        OUTBOX_SCHEMA: schema,
        MESSAGING_STREAM_PREFIX: streams,
        OUTBOX_RELAY_POLL_MS: '100',
      }),
    });
    const url = await baseUrl(app, PREFIX);
    await until(async () => (await writer.stats()).published === 3, 10_000);

    await proxy.cut();
    await writer.append([3, 4, 5].map(event));
    await sleep(500);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const started = Date.now();
    const ready = await fetch(`${url}/ready`);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { error: { message: string; details: Record<string, { status: string }> } };
    expect(body.error.message).toContain('postgres');
    expect(body.error.details.postgres.status).toBe('down');
    expect((await writer.stats()).published).toBe(3);

    await proxy.restore();
    const recoveredInMs = await until(async () => (await writer.stats()).published === 6, 8_000);
    expect(recoveredInMs).toBeLessThan(8_000);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    expect(await redis.xlen(streamKey(streams, 'test.pgfault'))).toBe(6);
  }, 30_000);
});
