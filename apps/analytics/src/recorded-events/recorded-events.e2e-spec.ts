import { randomUUID } from 'node:crypto';
import { Controller, Injectable, type INestApplication, Module, Post } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { PlatformError } from '@mikasmissions/http';
import { Payload } from '@nestjs/microservices';
import { AnalyticsEventRecorded, MediaUploaded } from '@mikasmissions/contracts-events';
import { connectEventConsumers, dlqKey, EventPublisher, streamKey, OnEvent, Publish, type EventEnvelope } from '@mikasmissions/messaging';
import { createRedisClient } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, eventually, testEnv, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import { Pool } from 'pg';
import { AppModule } from '../app.module';
import type { AnalyticsEvent } from '../events/analytics-event';
import { EventsModule } from '../events/events.module';
import { EventsService } from '../events/events.service';
import { createIsolatedDatabase, type IsolatedDatabase } from './testing/isolated-database';

const PREFIX = 'api/v1/analytics';
const toRecorded = (e: AnalyticsEvent) => ({ eventId: e.id, eventType: e.type, occurredAt: e.occurredAt });

/** A use case that writes and publishes programmatically inside its own `@Transactional()`. */
@Injectable()
class RecordTwiceAndFail {
  constructor(
    private readonly events: EventsService,
    private readonly publisher: EventPublisher,
  ) {}

  @Transactional()
  async run(fail: boolean): Promise<void> {
    for (const type of ['first', 'second']) {
      const e = await this.events.record({ type });
      await this.publisher.publish(AnalyticsEventRecorded, toRecorded(e));
    }
    if (fail) throw new PlatformError(409, 'test_failure', 'failed after two writes and two events');
  }
}

/** Handlers that misbehave, to prove the outbox commits only with the handler. */
@Controller('test-publish')
class MisbehavingController {
  constructor(
    private readonly events: EventsService,
    private readonly useCase: RecordTwiceAndFail,
  ) {}

  @Post('programmatic')
  async programmatic(): Promise<void> {
    await this.useCase.run(false);
  }

  @Post('programmatic-throw')
  async programmaticThrow(): Promise<void> {
    await this.useCase.run(true);
  }

  @Post('throw')
  @Publish(AnalyticsEventRecorded, { map: toRecorded })
  async throwAfterWriting(): Promise<AnalyticsEvent> {
    await this.events.record({ type: 'doomed' });
    throw new PlatformError(409, 'test_failure', 'failed after writing');
  }

  @Post('invalid')
  // Bypasses the compile-time check on purpose, to prove the schema still guards at run time.
  @Publish(AnalyticsEventRecorded, { map: (e: AnalyticsEvent) => ({ eventId: e.id }) as never })
  invalidPayload(): Promise<AnalyticsEvent> {
    return this.events.record({ type: 'half-an-event' });
  }
}

/** A second consumer whose Prisma writes must roll back when it fails (batched inbox transactions, one savepoint per event). */
@Controller()
class MediaConsumer {
  constructor(private readonly events: EventsService) {}

  @OnEvent(MediaUploaded)
  async onUpload(@Payload() event: EventEnvelope<{ episodeId: string }>): Promise<void> {
    await this.events.record({ type: `upload-${event.payload.episodeId}` });
    if (event.payload.episodeId.startsWith('poison')) throw new Error(`cannot ingest ${event.payload.episodeId}`);
  }
}

@Module({ imports: [AppModule, EventsModule], controllers: [MisbehavingController, MediaConsumer], providers: [RecordTwiceAndFail] })
class TestModule {}

const post = (url: string, body: unknown, tenant: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-tenant-id': tenant },
    body: JSON.stringify(body),
  });

describe.each(ADAPTERS)('analytics events through outbox → relay → Redis Streams → consumer (%s)', (adapter) => {
  let db: IsolatedDatabase;
  let app: INestApplication;
  let url: string;
  let pool: Pool;
  let streamPrefix: string;

  beforeAll(async () => {
    db = await createIsolatedDatabase(`rec${adapter.slice(0, 2)}`);
    pool = new Pool({ connectionString: db.url, max: 2 });
    streamPrefix = uniquePrefix('streams');
    const env = testEnv('memory', {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      MESSAGING_STREAM_PREFIX: streamPrefix,
      MESSAGING_KEY_PREFIX: uniquePrefix('msg'),
      MESSAGING_CLAIM_IDLE_MS: '300',
      MESSAGING_CLAIM_INTERVAL_MS: '100',
      MESSAGING_MAX_DELIVERIES: '2',
    });
    app = await bootApp(TestModule, { adapter, env, globalPrefix: PREFIX });
    expect(await connectEventConsumers(app)).toBe(true);
    url = await baseUrl(app, PREFIX);
  });
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[]) => Number((await pool.query<{ n: string }>(sql, params)).rows[0].n);
  const businessRows = (tenant: string) => count('SELECT count(*) AS n FROM analytics.events WHERE tenant_id = $1', [tenant]);
  const outboxRows = (tenant: string) => count(`SELECT count(*) AS n FROM analytics.outbox WHERE payload->>'tenantId' = $1`, [tenant]);

  it('POST /events commits the event with its outbox row; the consumer counts each event once', async () => {
    const tenant = `rec-${Date.now().toString(36)}`;
    for (const type of ['play', 'play', 'pause']) expect((await post(`${url}/events`, { type }, tenant)).status).toBe(201);
    expect(await businessRows(tenant)).toBe(3);
    expect(await outboxRows(tenant)).toBe(3);

    const read = async () => (await fetch(`${url}/recorded-events`, { headers: { 'x-tenant-id': tenant } })).json();
    const counts = await eventually(read, (body: { total: number }) => body.total >= 3);
    expect(counts).toEqual({
      total: 3,
      data: [
        { eventType: 'pause', count: 1 },
        { eventType: 'play', count: 2 },
      ],
    });
    const published = await eventually(
      () => count(`SELECT count(*) AS n FROM analytics.outbox WHERE payload->>'tenantId' = $1 AND status = 'published'`, [tenant]),
      (n) => n === 3,
    );
    expect(published).toBe(3);
    expect(await count('SELECT count(*) AS n FROM analytics.inbox WHERE consumer = $1', ['analytics'])).toBeGreaterThanOrEqual(3);
  });

  it('a handler that throws after writing leaves no business row and no outbox row', async () => {
    const tenant = `throw-${Date.now().toString(36)}`;
    const res = await post(`${url}/test-publish/throw`, {}, tenant);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('test_failure');
    expect(await businessRows(tenant)).toBe(0);
    expect(await outboxRows(tenant)).toBe(0);
  });

  it('EventPublisher joins a @Transactional() use case: both commit together or not at all', async () => {
    const ok = `tx-ok-${Date.now().toString(36)}`;
    expect((await post(`${url}/test-publish/programmatic`, {}, ok)).status).toBe(201);
    expect(await businessRows(ok)).toBe(2);
    expect(await outboxRows(ok)).toBe(2);
    const failed = `tx-fail-${Date.now().toString(36)}`;
    expect((await post(`${url}/test-publish/programmatic-throw`, {}, failed)).status).toBe(409);
    expect(await businessRows(failed)).toBe(0);
    expect(await outboxRows(failed)).toBe(0);
  });

  it('an event that fails its schema fails the handler with a clear message and writes nothing', async () => {
    const tenant = `inv-${Date.now().toString(36)}`;
    const res = await post(`${url}/test-publish/invalid`, {}, tenant);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_event');
    expect(body.error.message).toContain('invalid analytics.event.recorded event');
    expect(body.error.message).toContain('eventType');
    expect(await businessRows(tenant)).toBe(0);
    expect(await outboxRows(tenant)).toBe(0);
  });

  it('a consumer that fails keeps none of its writes, retries, then dead-letters; the others commit', async () => {
    const tenant = `media-${Date.now().toString(36)}`;
    const publisher = app.get(EventPublisher);
    for (const episodeId of ['ok-1', 'poison-1', 'ok-2']) {
      await publisher.publish(MediaUploaded, { episodeId, creatorId: 'c1', sourceUrl: `s3://media/${episodeId}` }, { tenantId: tenant });
    }
    const types = async () =>
      (await pool.query<{ type: string }>('SELECT type FROM analytics.events WHERE tenant_id = $1 ORDER BY type', [tenant])).rows.map(
        (r) => r.type,
      );
    expect(await eventually(types, (t) => t.length >= 2)).toEqual(['upload-ok-1', 'upload-ok-2']);
    const redis = createRedisClient(testRedisUrl());
    await redis.connect();
    const dlq = dlqKey(streamKey(streamPrefix, 'media.uploaded'));
    const dead = await eventually(
      () => redis.xrange(dlq, '-', '+'),
      (entries) => entries.length >= 1,
    );
    const fields = dead[0][1];
    expect(fields[fields.indexOf('error') + 1]).toBe('cannot ingest poison-1');
    expect(fields[fields.indexOf('deliveries') + 1]).toBe('2');
    expect(await types()).toEqual(['upload-ok-1', 'upload-ok-2']);
    await redis.quit();
  });

  it('/ready reports the transport and the consumer lag', async () => {
    const res = await fetch(`${url}/ready`);
    expect(res.status).toBe(200);
    const transport = (await res.json()).details.transport;
    expect(transport.status).toBe('up');
    expect(transport.group).toBe('analytics');
    const stream = Object.values(transport.streams as Record<string, { pending: number; lag: number }>)[0];
    expect(stream).toEqual({ pending: expect.any(Number), lag: expect.any(Number) });
  });
});

describe('analytics events in pure memory mode (dev:local): in-process relay and consumer', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await bootApp(AppModule, { adapter: 'express', env: testEnv('memory'), globalPrefix: PREFIX });
    expect(await connectEventConsumers(app)).toBe(true);
    url = await baseUrl(app, PREFIX);
  });
  afterAll(() => app?.close());

  it('counts published events once each', async () => {
    const tenant = `mem-${Date.now().toString(36)}`;
    for (const type of ['play', 'stop']) expect((await post(`${url}/events`, { type }, tenant)).status).toBe(201);
    const read = async () => (await fetch(`${url}/recorded-events`, { headers: { 'x-tenant-id': tenant } })).json();
    expect(await eventually(read, (body: { total: number }) => body.total >= 2)).toEqual({
      total: 2,
      data: [
        { eventType: 'play', count: 1 },
        { eventType: 'stop', count: 1 },
      ],
    });
  });
});

describe('analytics events with Redis only (outbox and inbox in Redis, buffered until the handler succeeds)', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const env = testEnv('redis', { MESSAGING_STREAM_PREFIX: uniquePrefix('streams'), MESSAGING_KEY_PREFIX: uniquePrefix('msg') });
    app = await bootApp(TestModule, { adapter: 'fastify', env, globalPrefix: PREFIX });
    expect(await connectEventConsumers(app)).toBe(true);
    url = await baseUrl(app, PREFIX);
  });
  afterAll(() => app?.close());

  it('counts published events once each; a handler that throws publishes nothing', async () => {
    const tenant = `redis-${Date.now().toString(36)}`;
    expect((await post(`${url}/test-publish/throw`, {}, tenant)).status).toBe(409);
    for (const type of ['play', 'play']) expect((await post(`${url}/events`, { type }, tenant)).status).toBe(201);
    const read = async () => (await fetch(`${url}/recorded-events`, { headers: { 'x-tenant-id': tenant } })).json();
    expect(await eventually(read, (body: { total: number }) => body.total >= 2)).toEqual({
      total: 2,
      data: [{ eventType: 'play', count: 2 }],
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await read()).total).toBe(2);
  });
});
