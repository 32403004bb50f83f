import type { INestApplication } from '@nestjs/common';
import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testEnv, testKeyPrefix, testRedisUrl } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { streamKey } from './adapters/redis/stream-keys';
import { bootMessagingApp, consumerOf, type Delivery, until, UploadsController } from './testing/upload-apps.test.helpers';

const received: Delivery[] = [];

describe('MESSAGING_REDIS_URL: memory stores, events across apps over Redis Streams', () => {
  const shared = testEnv('memory', { MESSAGING_REDIS_URL: testRedisUrl() });
  let redis: Redis;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    redis = createRedisClient(testRedisUrl(), 'transport-redis-spec');
    await redis.connect();
    apps.push(await bootMessagingApp('uploader', UploadsController, shared));
    apps.push(await bootMessagingApp('indexer', consumerOf('indexer', received), shared));
    apps.push(await bootMessagingApp('loner', consumerOf('loner', received), testEnv('memory')));
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
    await until(() => received.some((r) => r.replica === 'indexer'), 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(received).toEqual([{ replica: 'indexer', episodeId: 'ep-1' }]);
    expect(await redis.xlen(streamKey(shared.MESSAGING_STREAM_PREFIX ?? '', 'media.uploaded'))).toBe(1);
  });

  it('keeps the outbox and inbox in memory: nothing is written under the messaging key prefix', async () => {
    expect(await redis.keys(`${shared.MESSAGING_KEY_PREFIX}*`)).toEqual([]);
  });
});
