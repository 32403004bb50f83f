import { Controller, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { Payload, type MicroserviceOptions } from '@nestjs/microservices';
import { defineEvent, EventContracts } from '@mikasmissions/contracts-events';
import { createRedisClient } from '@mikasmissions/persistence';
import { testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type { INestMicroservice } from '@nestjs/common';
import type Redis from 'ioredis';
import { lastValueFrom } from 'rxjs';
import { InProcessEventBus } from '../adapters/memory/in-process-event-bus';
import { streamKey } from '../adapters/redis/stream-keys';
import { MemoryInboxStore } from '../adapters/memory/memory-inbox.store';
import { RedisInboxStore } from '../adapters/redis/redis-inbox.store';
import { ConsumerErrorInterceptor } from '../consumer-error.interceptor';
import { createEnvelope, type EventEnvelope } from '../event-envelope';
import { ConsumerGroup, OnEvent } from '../on-event.decorator';
import { InProcessEventsServer } from './in-process-events.server';
import { RedisStreamsClient } from './redis-streams.client';
import { RedisStreamsServer } from './redis-streams.server';

type Step = { n: number; failFirst?: boolean };
const schema = {
  type: 'object',
  required: ['n'],
  additionalProperties: false,
  properties: { n: { type: 'integer' }, failFirst: { type: 'boolean' } },
};
const Ingest = defineEvent<Step>({ type: 'stage.ingest.requested', version: 1, schema });
const Transcode = defineEvent<Step>({ type: 'stage.transcode.requested', version: 1, schema });
const Audit = defineEvent<Step>({ type: 'stage.audit.requested', version: 1, schema });
const contracts = new EventContracts([]).register(Ingest).register(Transcode).register(Audit);

const seen: string[] = [];
const failed = new Set<string>();

@ConsumerGroup('svc.ingest')
@Controller()
class IngestStage {
  @OnEvent(Ingest)
  async on(@Payload() event: EventEnvelope<Step>): Promise<void> {
    seen.push(`ingest:${event.payload.n}`);
  }
}

@Controller()
class TranscodeStage {
  @OnEvent(Transcode, { group: 'svc.transcode' })
  async on(@Payload() event: EventEnvelope<Step>): Promise<void> {
    if (event.payload.failFirst && !failed.has(event.id)) {
      failed.add(event.id);
      throw new Error('transcode failed once');
    }
    seen.push(`transcode:${event.payload.n}`);
  }
}

@Controller()
class AuditStage {
  @OnEvent(Audit)
  async on(@Payload() event: EventEnvelope<Step>): Promise<void> {
    seen.push(`audit:${event.payload.n}`);
  }
}

@Module({
  controllers: [IngestStage, TranscodeStage, AuditStage],
  providers: [{ provide: APP_INTERCEPTOR, useClass: ConsumerErrorInterceptor }],
})
class StagesModule {}

const env = (type: string, n: number): EventEnvelope<Step> =>
  createEnvelope({ type, version: 1, payload: { n }, tenantId: 'default', requestId: `r-${n}` });

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

const groupsOf = async (redis: Redis, stream: string): Promise<Array<{ name: string; pending: number }>> => {
  const raw = (await redis.xinfo('GROUPS', stream)) as Array<Array<string | number>>;
  return raw.map((fields) => {
    const info: Record<string, string | number> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) info[String(fields[i])] = fields[i + 1];
    return { name: String(info.name), pending: Number(info.pending) };
  });
};

describe('one consumer group per stage in one process', () => {
  beforeEach(() => {
    seen.length = 0;
    failed.clear();
  });

  it('refuses a bad group name when the decorator is applied', () => {
    expect(() => ConsumerGroup('Has Spaces')).toThrow(/consumer group/);
    expect(() => OnEvent(Ingest, { group: '' })).toThrow(/consumer group/);
  });

  describe('on Redis Streams (real Redis)', () => {
    let redis: Redis;
    let app: INestMicroservice;
    let client: RedisStreamsClient;
    let prefix: string;
    let strategy: RedisStreamsServer;

    beforeAll(async () => {
      redis = createRedisClient(testRedisUrl());
      await redis.connect();
      prefix = uniquePrefix('stage-groups');
      strategy = new RedisStreamsServer({
        redisUrl: testRedisUrl(),
        streamPrefix: prefix,
        contracts,
        inbox: new RedisInboxStore(redis, prefix),
        group: 'svc',
        consumer: 'svc-1',
        batchSize: 20,
        blockMs: 200,
        claimIdleMs: 150,
        claimIntervalMs: 100,
        retryBaseMs: 50,
        retryMaxMs: 200,
        maxDeliveries: 3,
        inboxTtlSeconds: 60,
        staleConsumerMs: 300,
      });
      app = await NestFactory.createMicroservice<MicroserviceOptions>(StagesModule, { strategy, logger: false });
      await app.listen();
      client = new RedisStreamsClient({ redisUrl: testRedisUrl(), streamPrefix: prefix, contracts });
    });
    afterAll(async () => {
      await app.close();
      await client.close();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    });

    it('each stage reads in its own group (XINFO GROUPS), the rest in the service group; a failing stage retries alone', async () => {
      await lastValueFrom(client.emit(Transcode.type, { n: 1, failFirst: true }));
      await lastValueFrom(client.emit(Ingest.type, { n: 2 }));
      await lastValueFrom(client.emit(Audit.type, { n: 3 }));
      await until(() => seen.length === 3);
      expect([...seen].sort()).toEqual(['audit:3', 'ingest:2', 'transcode:1']);
      expect(seen.indexOf('transcode:1')).toBe(2);
      expect(await groupsOf(redis, streamKey(prefix, Ingest.type))).toEqual([{ name: 'svc.ingest', pending: 0 }]);
      await until(async () => (await groupsOf(redis, streamKey(prefix, Transcode.type)))[0]?.pending === 0);
      expect(await groupsOf(redis, streamKey(prefix, Transcode.type))).toEqual([{ name: 'svc.transcode', pending: 0 }]);
      expect(await groupsOf(redis, streamKey(prefix, Audit.type))).toEqual([{ name: 'svc', pending: 0 }]);
      expect(await strategy.health()).toMatchObject({
        group: 'svc',
        groups: {
          'svc.ingest': [streamKey(prefix, Ingest.type)],
          'svc.transcode': [streamKey(prefix, Transcode.type)],
          svc: [streamKey(prefix, Audit.type)],
        },
      });
    });

    it('dedupes in the inbox per group: the same event id is a duplicate only in the group that ran it', async () => {
      const envelope = env(Ingest.type, 9);
      const inbox = new RedisInboxStore(redis, prefix);
      expect(await inbox.has('svc.ingest', envelope.id)).toBe(false);
      await redis.xadd(streamKey(prefix, Ingest.type), '*', 'envelope', JSON.stringify(envelope));
      await until(() => seen.includes('ingest:9'));
      await until(() => inbox.has('svc.ingest', envelope.id));
      expect(await inbox.has('svc', envelope.id)).toBe(false);
      await redis.xadd(streamKey(prefix, Ingest.type), '*', 'envelope', JSON.stringify(envelope));
      await new Promise((r) => setTimeout(r, 400));
      expect(seen.filter((s) => s === 'ingest:9')).toHaveLength(1);
    });
  });

  it('in memory mode the inbox is keyed by the handler group too', async () => {
    const bus = new InProcessEventBus();
    const inbox = new MemoryInboxStore();
    const strategy = new InProcessEventsServer({ bus, contracts, inbox, group: 'svc', maxDeliveries: 3, retryBaseMs: 10 });
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(StagesModule, { strategy, logger: false });
    await app.listen();
    try {
      const ingest = env(Ingest.type, 5);
      const audit = env(Audit.type, 6);
      await bus.publish([ingest, audit]);
      await until(() => seen.length === 2);
      expect(await inbox.has('svc.ingest', ingest.id)).toBe(true);
      expect(await inbox.has('svc', ingest.id)).toBe(false);
      expect(await inbox.has('svc', audit.id)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
