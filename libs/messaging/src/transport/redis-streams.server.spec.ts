import { Controller, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { Ctx, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { defineEvent, EventContracts } from '@mikasmissions/contracts-events';
import { createRedisClient } from '@mikasmissions/persistence';
import { testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type { INestMicroservice } from '@nestjs/common';
import type Redis from 'ioredis';
import { lastValueFrom } from 'rxjs';
import { RedisInboxStore } from '../adapters/redis/redis-inbox.store';
import { streamKey } from '../adapters/redis/stream-keys';
import { ConsumerErrorInterceptor } from '../consumer-error.interceptor';
import { createEnvelope, type EventEnvelope } from '../event-envelope';
import { OnEvent } from '../on-event.decorator';
import { RedisStreamsClient } from './redis-streams.client';
import { RedisStreamsContext } from './redis-streams.context';
import { RedisStreamsServer, type RedisStreamsServerOptions } from './redis-streams.server';

type Job = { n: number; poison?: boolean; slowMs?: number };
const TestJob = defineEvent<Job>({
  type: 'test.job',
  version: 1,
  schema: {
    type: 'object',
    required: ['n'],
    additionalProperties: false,
    properties: { n: { type: 'integer' }, poison: { type: 'boolean' }, slowMs: { type: 'integer' } },
  },
});
const contracts = new EventContracts([]).register(TestJob);

const handled: number[] = [];
const attempts = new Map<number, number>();
const deliveriesSeen = new Map<number, number>();
const callTimes = new Map<number, number[]>();

@Controller()
class JobsController {
  @OnEvent(TestJob)
  async onJob(@Payload() event: EventEnvelope<Job>, @Ctx() ctx: RedisStreamsContext): Promise<void> {
    const { n, poison, slowMs } = event.payload;
    attempts.set(n, (attempts.get(n) ?? 0) + 1);
    callTimes.set(n, [...(callTimes.get(n) ?? []), Date.now()]);
    deliveriesSeen.set(n, ctx.getDeliveries());
    if (slowMs) await new Promise((r) => setTimeout(r, slowMs));
    if (poison) throw new Error(`job ${n} is poison`);
    handled.push(n);
  }
}

@Module({ controllers: [JobsController], providers: [{ provide: APP_INTERCEPTOR, useClass: ConsumerErrorInterceptor }] })
class JobsModule {}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('RedisStreamsServer (real Redis)', () => {
  let redis: Redis;
  let app: INestMicroservice;
  let client: RedisStreamsClient;
  let prefix: string;
  const stream = () => streamKey(prefix, 'test.job');

  const boot = async (overrides: Partial<RedisStreamsServerOptions> = {}) => {
    const strategy = new RedisStreamsServer({
      redisUrl: testRedisUrl(),
      streamPrefix: prefix,
      contracts,
      inbox: new RedisInboxStore(redis, prefix),
      group: 'jobs',
      consumer: `jobs-${Math.random().toString(36).slice(2, 6)}`,
      batchSize: 20,
      blockMs: 200,
      claimIdleMs: 150,
      claimIntervalMs: 100,
      retryBaseMs: 50,
      retryMaxMs: 1_000,
      maxDeliveries: 3,
      inboxTtlSeconds: 60,
      staleConsumerMs: 300,
      ...overrides,
    });
    const micro = await NestFactory.createMicroservice<MicroserviceOptions>(JobsModule, { strategy, logger: false });
    await micro.listen();
    return micro;
  };

  beforeAll(async () => {
    redis = createRedisClient(testRedisUrl());
    await redis.connect();
  });
  beforeEach(async () => {
    prefix = uniquePrefix('streams');
    handled.length = 0;
    attempts.clear();
    deliveriesSeen.clear();
    callTimes.clear();
    client = new RedisStreamsClient({ redisUrl: testRedisUrl(), streamPrefix: prefix, contracts });
    app = await boot();
  });
  afterEach(async () => {
    await app.close();
    await client.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  });
  afterAll(() => redis.quit());

  const emit = (payload: Job) => lastValueFrom(client.emit('test.job', payload));

  it('delivers events to the @EventPattern handler and acknowledges them', async () => {
    for (let n = 1; n <= 30; n += 1) await emit({ n });
    await until(() => handled.length === 30);
    expect([...handled].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await until(async () => ((await redis.xpending(stream(), 'jobs')) as [number])[0] === 0);
  });

  it('moves a poison message to <stream>.dlq after maxDeliveries with its error; the others keep flowing', async () => {
    await emit({ n: 1 });
    await emit({ n: 2, poison: true });
    for (let n = 3; n <= 10; n += 1) await emit({ n });
    await until(() => handled.length === 9);
    await until(async () => (await redis.xlen(`${stream()}.dlq`)) === 1);
    const [[, fields]] = await redis.xrange(`${stream()}.dlq`, '-', '+');
    const entry = Object.fromEntries(
      fields.reduce<string[][]>((acc, v, i) => (i % 2 ? acc[acc.length - 1].push(v) : acc.push([v]), acc), []),
    );
    expect(entry.error).toBe('job 2 is poison');
    expect(entry.deliveries).toBe('3');
    expect(entry.group).toBe('jobs');
    expect(JSON.parse(entry.envelope).payload).toEqual({ n: 2, poison: true });
    expect(attempts.get(2)).toBe(3);
    expect(deliveriesSeen.get(2)).toBe(3);
    expect(handled).not.toContain(2);
    await until(async () => ((await redis.xpending(stream(), 'jobs')) as [number])[0] === 0);
  });

  it('retries a failing handler with growing (exponential) gaps, then dead-letters it after maxDeliveries', async () => {
    await app.close();
    // claimIdleMs far above the backoff: retries of a failed handler must not wait for it.
    app = await boot({ retryBaseMs: 60, retryMaxMs: 10_000, maxDeliveries: 5, claimIdleMs: 5_000, claimIntervalMs: 20 });
    await emit({ n: 3, poison: true });
    await emit({ n: 4 });
    await until(async () => (await redis.xlen(`${stream()}.dlq`)) === 1);
    expect(handled).toEqual([4]);
    const times = callTimes.get(3)!;
    expect(times).toHaveLength(5);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    // Each retry waits at least min(base · 2^(d-1), max) after the failure (ms clocks: 5 ms slack).
    [60, 120, 240, 480].forEach((nominal, i) => expect(gaps[i]).toBeGreaterThanOrEqual(nominal - 5));
    expect(gaps[2]).toBeGreaterThan(gaps[0]);
    expect(gaps[3]).toBeGreaterThan(gaps[1]);
    expect(times[4] - times[0]).toBeLessThan(5_000);
    const [[, fields]] = await redis.xrange(`${stream()}.dlq`, '-', '+');
    expect(fields[fields.indexOf('deliveries') + 1]).toBe('5');
    expect(fields[fields.indexOf('error') + 1]).toBe('job 3 is poison');
    await until(async () => ((await redis.xpending(stream(), 'jobs')) as [number])[0] === 0);
    expect(await redis.hlen(`${stream()}:errors:jobs`)).toBe(0);
  });

  it('sends an invalid payload straight to the DLQ with the validation error and keeps consuming', async () => {
    const bad = createEnvelope({ type: 'test.job', version: 1, payload: { n: 'one' }, tenantId: 't', requestId: 'r' });
    await redis.xadd(stream(), '*', 'envelope', JSON.stringify(bad));
    await redis.xadd(stream(), '*', 'envelope', '{not json');
    await emit({ n: 5 });
    await until(() => handled.includes(5));
    await until(async () => (await redis.xlen(`${stream()}.dlq`)) === 2);
    const errors = (await redis.xrange(`${stream()}.dlq`, '-', '+')).map(([, f]) => f[f.indexOf('error') + 1]);
    expect(errors[0]).toMatch(/^invalid event: invalid test\.job event: \/n must be integer/);
    expect(errors[1]).toMatch(/^invalid event: .*JSON/);
    expect(attempts.size).toBe(1);
  });

  it('acknowledges a redelivered event without running the handler again (inbox)', async () => {
    const envelope = createEnvelope({ type: 'test.job', version: 1, payload: { n: 7 }, tenantId: 't', requestId: 'r' });
    await lastValueFrom(client.emit('test.job', envelope));
    await lastValueFrom(client.emit('test.job', envelope));
    await emit({ n: 8 });
    await until(() => handled.includes(8) && handled.includes(7));
    await until(async () => ((await redis.xpending(stream(), 'jobs')) as [number])[0] === 0);
    expect(attempts.get(7)).toBe(1);
    expect(await redis.xlen(stream())).toBe(3);
  });

  it('claims the pending messages of a consumer that died after claimIdleMs (not the retry backoff) and processes them', async () => {
    await app.close();
    for (let n = 11; n <= 13; n += 1) await emit({ n });
    const stolen = (await redis.xreadgroup('GROUP', 'jobs', 'dead-consumer', 'COUNT', 10, 'STREAMS', stream(), '>')) as Array<
      [string, unknown[]]
    >;
    expect(stolen[0][1]).toHaveLength(3);
    expect(handled).toEqual([]);
    // A long retry backoff does not delay taking over a dead consumer's messages (claimIdleMs).
    app = await boot({ retryBaseMs: 20_000, retryMaxMs: 20_000 });
    await until(() => [11, 12, 13].every((n) => handled.includes(n)), 5_000);
    expect(deliveriesSeen.get(11)).toBe(2);
    await until(async () => ((await redis.xpending(stream(), 'jobs')) as [number])[0] === 0);
  });

  it('handles the events of one aggregate in order, even when an earlier one is slow', async () => {
    const ofA = (n: number, slowMs?: number) =>
      createEnvelope({
        type: 'test.job',
        version: 1,
        payload: slowMs ? { n, slowMs } : { n },
        tenantId: 't',
        requestId: 'r',
        aggregateId: 'A',
      });
    await app.close();
    await redis.xadd(stream(), '*', 'envelope', JSON.stringify(ofA(1, 150)));
    await emit({ n: 9 });
    await redis.xadd(stream(), '*', 'envelope', JSON.stringify(ofA(2)));
    await redis.xadd(stream(), '*', 'envelope', JSON.stringify(ofA(3)));
    app = await boot();
    await until(() => handled.length === 4);
    expect(handled.filter((n) => n !== 9)).toEqual([1, 2, 3]);
    expect(handled.indexOf(9)).toBeLessThan(handled.indexOf(1));
  });

  it('the client carries events only: send() is refused, emit() validates', async () => {
    await expect(lastValueFrom(client.send('test.job', { n: 1 }))).rejects.toThrow('carries events only');
    await expect(lastValueFrom(client.emit('test.job', { n: 'x' }))).rejects.toThrow('invalid test.job event');
  });

  it('forgets consumers of dead replicas once nothing is pending for them', async () => {
    await app.close();
    await emit({ n: 1 });
    const [[, [[id]]]] = (await redis.xreadgroup('GROUP', 'jobs', 'ghost', 'COUNT', 1, 'STREAMS', stream(), '>')) as Array<
      [string, Array<[string]>]
    >;
    await redis.xack(stream(), 'jobs', id);
    const names = async () =>
      ((await redis.xinfo('CONSUMERS', stream(), 'jobs')) as Array<Array<string>>).map((c) => c[c.indexOf('name') + 1]);
    expect(await names()).toContain('ghost');
    app = await boot();
    await until(async () => !(await names()).includes('ghost'));
  });

  it('shuts down gracefully: an in-flight handler finishes and is acknowledged before close resolves', async () => {
    await emit({ n: 42, slowMs: 400 });
    await until(() => attempts.get(42) === 1);
    await app.close();
    expect(handled).toContain(42);
    expect(((await redis.xpending(stream(), 'jobs')) as [number])[0]).toBe(0);
    app = await boot();
  });
});
