import { libMigrations } from '@mikasmissions/testing';
import { cpus } from 'node:os';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { defineEvent, EventContracts } from '@mikasmissions/contracts-events';
import {
  createEnvelope,
  OnEvent,
  OutboxRelay,
  OutboxUnitOfWork,
  PostgresInboxStore,
  PostgresOutboxStore,
  RedisStreamsPublisher,
  RedisStreamsServer,
  type EventEnvelope,
} from '@mikasmissions/messaging';
import { createRedisClient, PoolSqlTransactions } from '@mikasmissions/persistence';
import { Client, Pool } from 'pg';

/**
 * `pnpm run bench:messaging`: events/s through outbox → relay → Redis Stream → consumer
 * (inbox in Postgres), and publish-to-handle latency at a light steady rate and at a steady
 * 2,000 events/s. Every publish is its own outbox transaction and every delivery its own
 * inbox transaction, as in a service. Loopback only; makes and drops its own database.
 * PG_ADMIN_URL / REDIS_URL override the servers; BENCH_EVENTS, BENCH_RATE, BENCH_LIGHT_RATE,
 * BENCH_SECONDS the load.
 */
const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BURST = Number(process.env.BENCH_EVENTS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LIGHT_RATE = Number(process.env.BENCH_LIGHT_RATE ?? 250);

const BenchPing = defineEvent<{ n: number }>({
  type: 'bench.ping',
  version: 1,
  schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
});
const contracts = new EventContracts([]).register(BenchPing);
const latencies: number[] = [];
let handled = 0;

@Controller()
class BenchController {
  @OnEvent(BenchPing)
  onPing(@Payload() event: EventEnvelope<{ n: number }>): void {
    latencies.push(Date.now() - Date.parse(event.occurredAt));
    handled += 1;
  }
}

@Module({ controllers: [BenchController] })
class BenchModule {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const dbName = `mm_bench_messaging_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const pool = new Pool({ connectionString: url.toString(), max: 24, connectionTimeoutMillis: 60_000 });
  const redis = createRedisClient(REDIS_URL);
  const prefix = `bench:${process.pid}:`;
  let app: Awaited<ReturnType<typeof NestFactory.createMicroservice>> | undefined;
  let relay: OutboxRelay | undefined;
  try {
    pool.on('error', () => undefined);
    for (const sql of libMigrations('messaging', 'analytics')) await pool.query(sql);
    await redis.connect();
    const tx = new PoolSqlTransactions(pool);
    const store = new PostgresOutboxStore(tx, 'analytics');
    relay = new OutboxRelay(store, new RedisStreamsPublisher(redis, prefix), {
      enabled: true,
      batchSize: 500,
      pollIntervalMs: 200,
      maxAttempts: 5,
      backoffBaseMs: 100,
      backoffMaxMs: 2_000,
      leaseMs: 30_000,
      publishedRetentionMs: 3_600_000,
      reconcileIntervalMs: 1_000,
    });
    const strategy = new RedisStreamsServer({
      redisUrl: REDIS_URL,
      streamPrefix: prefix,
      contracts,
      inbox: new PostgresInboxStore(tx, 'analytics'),
      group: 'bench',
      consumer: 'bench-1',
      batchSize: 200,
      blockMs: 1_000,
      claimIdleMs: 30_000,
      claimIntervalMs: 5_000,
      maxDeliveries: 5,
      inboxTtlSeconds: 3600,
      staleConsumerMs: 3_600_000,
    });
    app = await NestFactory.createMicroservice<MicroserviceOptions>(BenchModule, { strategy, logger: false });
    await app.listen();
    relay.start();

    let n = 0;
    const unitOfWork = new OutboxUnitOfWork(store, tx);
    const publishOne = () =>
      unitOfWork.run(() =>
        unitOfWork.enqueue([
          createEnvelope({ type: 'bench.ping', version: 1, payload: { n: n++ }, tenantId: 'bench', requestId: 'bench' }) as EventEnvelope,
        ]),
      );

    // 1. Throughput: BURST events from 16 concurrent writers (one transaction each), end to end.
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (n < BURST) await publishOne();
      }),
    );
    const published = Date.now();
    while (handled < BURST) await sleep(5);
    const burstDone = Date.now();
    const burst = {
      events: BURST,
      publishPerSec: Math.round(BURST / ((published - started) / 1000)),
      endToEndPerSec: Math.round(BURST / ((burstDone - started) / 1000)),
    };

    // 2. Latency at a steady rate: first one the pipeline sustains here, then RATE.
    const steady = async (rate: number): Promise<string[][]> => {
      await sleep(500);
      latencies.length = 0;
      const before = handled;
      const target = rate * SECONDS;
      const tickMs = 10;
      const perTick = (rate * tickMs) / 1000;
      const t0 = Date.now();
      const inflight: Promise<unknown>[] = [];
      let failures = 0;
      let owed = 0;
      for (let tick = 0; tick < (SECONDS * 1000) / tickMs; tick += 1) {
        owed += perTick;
        for (; owed >= 1; owed -= 1) inflight.push(publishOne().catch(() => (failures += 1)));
        await sleep(Math.max(0, t0 + (tick + 1) * tickMs - Date.now()));
      }
      await Promise.all(inflight);
      const publishSeconds = (Date.now() - t0) / 1000;
      const deadline = Date.now() + 30_000;
      while (handled - before < target && Date.now() < deadline) await sleep(5);
      const sorted = [...latencies].sort((a, b) => a - b);
      const label = `steady ${rate}/s for ${SECONDS} s`;
      return [
        [`${label}: achieved publish rate`, `${Math.round(target / publishSeconds)}/s${failures ? ` (${failures} failed)` : ''}`],
        [`${label}: handled`, `${handled - before}/${target}`],
        [`${label}: publish-to-handle p50 / p99`, `${pct(sorted, 50)} ms / ${pct(sorted, 99)} ms`],
      ];
    };
    const rows = [
      ['burst: events', String(burst.events)],
      ['burst: publish (outbox commits/s, 16 writers)', `${burst.publishPerSec}/s`],
      ['burst: outbox → relay → stream → consumer', `${burst.endToEndPerSec} events/s`],
      ...(await steady(LIGHT_RATE)),
      ...(await steady(RATE)),
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(
      `\nbench:messaging (Postgres outbox + inbox, Redis Streams, loopback, ${process.platform} ${cpus().length} cores)\n\n`,
    );
    process.stdout.write(`| ${'metric'.padEnd(width)} | value |\n| ${'-'.repeat(width)} | ----- |\n`);
    for (const [k, v] of rows) process.stdout.write(`| ${k.padEnd(width)} | ${v} |\n`);
  } finally {
    await relay?.stop();
    await app?.close();
    const keys = redis.status === 'ready' ? await redis.keys(`${prefix}*`) : [];
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:messaging failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
