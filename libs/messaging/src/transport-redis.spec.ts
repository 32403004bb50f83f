import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { MediaUploaded, type MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { createRedisClient, PersistenceModule } from '@mikasmissions/persistence';
import { bootApp, deleteKeysUnder, testEnv, testKeyPrefix, testRedisUrl } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { streamKey } from './adapters/redis/stream-keys';
import { connectEventConsumers } from './connect-event-consumers';
import type { EventEnvelope } from './event-envelope';
import { EventPublisher } from './event-publisher';
import { MessagingModule } from './messaging.module';
import { OnEvent } from './on-event.decorator';

const received: Array<{ app: string; episodeId: string }> = [];

@Controller('uploads')
class UploadsController {
  constructor(private readonly events: EventPublisher) {}

  @Post()
  @HttpCode(202)
  async upload(@Body() body: { episodeId: string }): Promise<{ eventId: string }> {
    const envelope = await this.events.transaction(() =>
      this.events.publish(MediaUploaded, { episodeId: body.episodeId, creatorId: 'c-1', sourceUrl: 's3://clips/1.mp4' }),
    );
    return { eventId: envelope.id };
  }
}

const consumerOf = (app: string) => {
  @Controller()
  class MediaConsumer {
    @OnEvent(MediaUploaded)
    onUpload(@Payload() event: EventEnvelope<MediaUploadedPayload>): void {
      received.push({ app, episodeId: event.payload.episodeId });
    }
  }
  return MediaConsumer;
};

const boot = async (
  service: string,
  controller: new (...args: never[]) => object,
  env: Record<string, string | undefined>,
): Promise<INestApplication> => {
  @Module({
    imports: [
      PlatformConfigModule.forRoot(),
      ContextModule.forRoot(),
      PersistenceModule,
      MessagingModule.forRoot({ service, relay: { pollIntervalMs: 50 }, consumer: { blockMs: 200 } }),
    ],
    controllers: [controller],
  })
  class AppModule {}
  const app = await bootApp(AppModule, { adapter: 'express', env });
  await connectEventConsumers(app);
  return app;
};

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('MESSAGING_REDIS_URL: memory stores, events across apps over Redis Streams', () => {
  const shared = testEnv('memory', { MESSAGING_REDIS_URL: testRedisUrl() });
  let redis: Redis;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    redis = createRedisClient(testRedisUrl(), 'transport-redis-spec');
    await redis.connect();
    apps.push(await boot('uploader', UploadsController, shared));
    apps.push(await boot('indexer', consumerOf('indexer'), shared));
    apps.push(await boot('loner', consumerOf('loner'), testEnv('memory')));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await deleteKeysUnder(redis, testKeyPrefix());
    await redis.quit();
  });

  it("delivers an event published by one app to another app's @OnEvent consumer, once, under the test stream prefix", async () => {
    const res = await fetch(`${(await apps[0].getUrl()).replace('[::1]', '127.0.0.1')}/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ episodeId: 'ep-1' }),
    });
    expect(res.status).toBe(202);
    await until(() => received.some((r) => r.app === 'indexer'));
    await new Promise((r) => setTimeout(r, 500));
    expect(received).toEqual([{ app: 'indexer', episodeId: 'ep-1' }]);
    expect(await redis.xlen(streamKey(shared.MESSAGING_STREAM_PREFIX ?? '', 'media.uploaded'))).toBe(1);
  });

  it('keeps the outbox and inbox in memory: nothing is written under the messaging key prefix', async () => {
    expect(await redis.keys(`${shared.MESSAGING_KEY_PREFIX}*`)).toEqual([]);
  });
});
