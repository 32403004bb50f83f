import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { defineEvent, EventContracts } from '@mikasmissions/contracts-events';
import { redisClusterUnsupported, startRedisCluster, uniquePrefix, type RedisClusterHandle } from '@mikasmissions/testing';
import type { Cluster } from 'ioredis';
import { RedisInboxStore } from '../adapters/redis/redis-inbox.store';
import { RedisOutboxStore } from '../adapters/redis/redis-outbox.store';
import { RedisStreamsPublisher } from '../adapters/redis/redis-streams.publisher';
import { streamKey } from '../adapters/redis/stream-keys';
import { ConsumerErrorInterceptor } from '../consumer-error.interceptor';
import { createEnvelope, type EventEnvelope } from '../event-envelope';
import type { RelayOptions } from '../messaging.options';
import { OnEvent } from '../on-event.decorator';
import { outboxStoreContract } from '../ports/outbox-store.contract';
import { OutboxRelay } from '../relay/outbox-relay';
import { dlqKey } from './stream-message';
import { RedisStreamsServer } from './redis-streams.server';

const RELAY: RelayOptions = {
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

const unsupported = redisClusterUnsupported();
if (unsupported) console.warn(`skipping the Redis Cluster specs of libs/messaging: ${unsupported}`);
const onCluster = unsupported ? describe.skip : describe;

type Job = { n: number; poison?: boolean };
const schema = {
  type: 'object',
  required: ['n'],
  additionalProperties: false,
  properties: { n: { type: 'integer' }, poison: { type: 'boolean' } },
} as const;
const Alpha = defineEvent<Job>({ type: 'test.alpha', version: 1, schema });
const Beta = defineEvent<Job>({ type: 'test.beta', version: 1, schema });
const contracts = new EventContracts([]).register(Alpha).register(Beta);

/** Which consumer handled which `<type>:<n>`, and how often. */
const handledBy = new Map<string, string[]>();
let consumerOfThisApp = '';

@Controller()
class JobsController {
  private readonly name = consumerOfThisApp;

  @OnEvent(Alpha)
  onAlpha(@Payload() event: EventEnvelope<Job>): void {
    this.record('test.alpha', event.payload);
  }

  @OnEvent(Beta)
  onBeta(@Payload() event: EventEnvelope<Job>): void {
    this.record('test.beta', event.payload);
  }

  private record(type: string, job: Job): void {
    if (job.poison) throw new Error(`job ${job.n} is poison`);
    const key = `${type}:${job.n}`;
    handledBy.set(key, [...(handledBy.get(key) ?? []), this.name]);
  }
}

@Module({ controllers: [JobsController], providers: [{ provide: APP_INTERCEPTOR, useClass: ConsumerErrorInterceptor }] })
class JobsModule {}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

onCluster('Redis Streams on a 3-master Redis Cluster', () => {
  let cluster: RedisClusterHandle;
  let redis: Cluster;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    redis = await cluster.client();
  }, 60_000);
  afterAll(() => cluster?.stop());

  outboxStoreContract('redis cluster', async () => new RedisOutboxStore(redis, uniquePrefix('outbox')));

  describe('two replicas of one consumer group', () => {
    const prefix = uniquePrefix('cluster-streams');
    const apps: INestMicroservice[] = [];
    const boot = async (consumer: string) => {
      consumerOfThisApp = consumer;
      const strategy = new RedisStreamsServer({
        redisUrl: 'redis://127.0.0.1:0',
        clusterNodes: cluster.nodes,
        streamPrefix: prefix,
        contracts,
        inbox: new RedisInboxStore(redis, prefix),
        group: 'jobs',
        consumer,
        batchSize: 20,
        blockMs: 200,
        claimIdleMs: 500,
        claimIntervalMs: 100,
        retryBaseMs: 50,
        retryMaxMs: 200,
        maxDeliveries: 2,
        inboxTtlSeconds: 60,
        staleConsumerMs: 5_000,
      });
      const app = await NestFactory.createMicroservice<MicroserviceOptions>(JobsModule, { strategy, logger: false });
      await app.listen();
      apps.push(app);
      return strategy;
    };
    afterAll(() => Promise.all(apps.map((a) => a.close())));

    it('streams of two types live on different masters', async () => {
      const slots = await Promise.all(['test.alpha', 'test.beta'].map((t) => redis.cluster('KEYSLOT', streamKey(prefix, t))));
      const owner = (slot: number) => (redis.slots[slot] ?? [])[0];
      expect(slots[0]).not.toBe(slots[1]);
      expect(owner(Number(slots[0]))).not.toBe(owner(Number(slots[1])));
    });

    it('relays outbox rows to both streams; each event is handled exactly once, by both replicas together', async () => {
      const [one, two] = [await boot('replica-a'), await boot('replica-b')];
      const outbox = new RedisOutboxStore(redis, `${prefix}svc:`);
      const envelopes = Array.from({ length: 200 }, (_, n) =>
        createEnvelope({
          type: n % 2 ? 'test.beta' : 'test.alpha',
          version: 1,
          payload: { n },
          tenantId: 't',
          requestId: `r${n}`,
          aggregateId: `a${n % 7}`,
        }),
      );
      for (let i = 0; i < envelopes.length; i += 50) await outbox.append(envelopes.slice(i, i + 50));
      const relay = new OutboxRelay(outbox, new RedisStreamsPublisher(redis, prefix), RELAY);
      relay.start();
      await until(async () => (await outbox.stats()).published === envelopes.length);
      await relay.stop();
      await until(() => handledBy.size === envelopes.length);
      await new Promise((r) => setTimeout(r, 300));
      expect([...handledBy.values()].every((by) => by.length === 1)).toBe(true);
      const replicas = new Set([...handledBy.values()].flat());
      expect(replicas).toEqual(new Set(['replica-a', 'replica-b']));
      for (const type of ['test.alpha', 'test.beta']) {
        expect(await redis.xlen(streamKey(prefix, type))).toBe(100);
        expect(((await redis.xpending(streamKey(prefix, type), 'jobs')) as [number])[0]).toBe(0);
      }
      const health = await Promise.all([one.health(), two.health()]);
      expect(Object.keys(health[0].streams as object).sort()).toEqual([streamKey(prefix, 'test.alpha'), streamKey(prefix, 'test.beta')]);
      expect(health[1].group).toBe('jobs');
    }, 60_000);

    it('dead-letters a poison message into <stream>.dlq in the same slot, acknowledging it', async () => {
      const publisher = new RedisStreamsPublisher(redis, prefix);
      const [result] = await publisher.publish([
        createEnvelope({ type: 'test.beta', version: 1, payload: { n: 9_999, poison: true }, tenantId: 't', requestId: 'poison' }),
      ]);
      expect(result.ok).toBe(true);
      const dlq = dlqKey(streamKey(prefix, 'test.beta'));
      await until(async () => (await redis.xlen(dlq)) === 1);
      const [[, fields]] = await redis.xrange(dlq, '-', '+');
      expect(fields[fields.indexOf('error') + 1]).toContain('job 9999 is poison');
      await until(async () => ((await redis.xpending(streamKey(prefix, 'test.beta'), 'jobs')) as [number])[0] === 0);
    }, 30_000);
  });
});
