import type { INestApplication } from '@nestjs/common';
import { baseUrl, redisClusterUnsupported, startRedisCluster, testEnv, type RedisClusterHandle } from '@mikasmissions/testing';
import type { Cluster } from 'ioredis';
import { streamKey } from './adapters/redis/stream-keys';
import { bootMessagingApp, consumerOf, type Delivery, until, UploadsController } from './testing/upload-apps.test.helpers';

const unsupported = redisClusterUnsupported();
if (unsupported) console.warn(`skipping the Redis Cluster specs of libs/messaging: ${unsupported}`);
const onCluster = unsupported ? describe.skip : describe;

const received: Delivery[] = [];

onCluster('MessagingModule with REDIS_CLUSTER_NODES (Redis outbox, relay, two consumer replicas)', () => {
  let cluster: RedisClusterHandle;
  let redis: Cluster;
  const apps: INestApplication[] = [];
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    redis = await cluster.client();
    env = testEnv('memory', { REDIS_CLUSTER_NODES: cluster.nodes.join(',') });
    apps.push(await bootMessagingApp('uploader', UploadsController, env));
    apps.push(await bootMessagingApp('indexer', consumerOf('indexer-1', received), env));
    apps.push(await bootMessagingApp('indexer', consumerOf('indexer-2', received), env));
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
    await until(() => received.length >= ids.length, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(received.map((r) => r.episodeId).sort()).toEqual([...ids].sort());
    expect(await redis.xlen(streamKey(env.MESSAGING_STREAM_PREFIX ?? '', 'media.uploaded'))).toBe(ids.length);
    const outboxKeys = await Promise.all(redis.nodes('master').map((node) => node.keys(`${env.MESSAGING_KEY_PREFIX}uploader:{outbox}:*`)));
    expect(outboxKeys.flat().length).toBeGreaterThan(0);
  }, 60_000);
});
