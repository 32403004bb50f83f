import { Body, Controller, HttpCode, type INestApplication, Module, Post } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { MediaUploaded, type MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { PersistenceModule } from '@mikasmissions/persistence';
import { baseUrl, bootApp, redisClusterUnsupported, startRedisCluster, testEnv, type RedisClusterHandle } from '@mikasmissions/testing';
import type { Cluster } from 'ioredis';
import { streamKey } from './adapters/redis/stream-keys';
import { connectEventConsumers } from './connect-event-consumers';
import type { EventEnvelope } from './event-envelope';
import { EventPublisher } from './event-publisher';
import { MessagingModule } from './messaging.module';
import { OnEvent } from './on-event.decorator';

const unsupported = redisClusterUnsupported();
if (unsupported) console.warn(`skipping the Redis Cluster specs of libs/messaging: ${unsupported}`);
const onCluster = unsupported ? describe.skip : describe;

const received: Array<{ replica: string; episodeId: string }> = [];

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

const consumerOf = (replica: string) => {
  @Controller()
  class MediaConsumer {
    @OnEvent(MediaUploaded)
    onUpload(@Payload() event: EventEnvelope<MediaUploadedPayload>): void {
      received.push({ replica, episodeId: event.payload.episodeId });
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

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

onCluster('MessagingModule with REDIS_CLUSTER_NODES (Redis outbox, relay, two consumer replicas)', () => {
  let cluster: RedisClusterHandle;
  let redis: Cluster;
  const apps: INestApplication[] = [];
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    redis = await cluster.client();
    env = testEnv('memory', { REDIS_CLUSTER_NODES: cluster.nodes.join(',') });
    apps.push(await boot('uploader', UploadsController, env));
    apps.push(await boot('indexer', consumerOf('indexer-1'), env));
    apps.push(await boot('indexer', consumerOf('indexer-2'), env));
  }, 90_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await cluster?.stop();
  }, 30_000);

  it('relays every upload from the outbox in the cluster to the consumer group, each handled once by one of its replicas', async () => {
    const url = await baseUrl(apps[0]);
    const ids = Array.from({ length: 30 }, (_, i) => `ep-${i}`);
    const answers = await Promise.all(
      ids.map((episodeId) =>
        fetch(`${url}/uploads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ episodeId }) }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 202));
    await until(() => received.length >= ids.length);
    await new Promise((r) => setTimeout(r, 500));
    expect(received.map((r) => r.episodeId).sort()).toEqual([...ids].sort());
    expect(await redis.xlen(streamKey(env.MESSAGING_STREAM_PREFIX ?? '', 'media.uploaded'))).toBe(ids.length);
    const outboxKeys = await Promise.all(redis.nodes('master').map((node) => node.keys(`${env.MESSAGING_KEY_PREFIX}uploader:{outbox}:*`)));
    expect(outboxKeys.flat().length).toBeGreaterThan(0);
  }, 60_000);
});
