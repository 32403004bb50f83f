import { dlqKey, streamKey } from '@mikasmissions/messaging';
import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PipelineWorker, requestFor, startWorker } from '../testing/pipeline-worker';

/**
 * A poison `media.transcode.requested` on Postgres + Redis: the stage cannot write its output
 * (`episodes` is a file, so every try throws — a transient failure, not a rejection), is retried
 * with backoff and after `MESSAGING_MAX_DELIVERIES` (2) lands in the stream's DLQ under the
 * stage's own group, with nothing published for it.
 */
describe('media-pipeline transcode: a poison event reaches the DLQ after N deliveries (Postgres + Redis)', () => {
  let dir: string;
  let worker: PipelineWorker;
  let redis: Redis;
  const stream = streamKey(`${testKeyPrefix()}events:`, 'media.transcode.requested');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-transcode-dlq-'));
    await writeFile(join(dir, 'episodes'), 'not a directory');
    redis = createRedisClient(testRedisUrl());
    await redis.connect();
    worker = await startWorker('postgres+redis', {
      MEDIA_PIPELINE_STAGES: 'transcode',
      MEDIA_STORE_DIR: dir,
      MESSAGING_CLAIM_INTERVAL_MS: '100',
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.app.close();
    await deleteKeysUnder(redis, testKeyPrefix());
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });

  it('dead-letters it with the error, the delivery count and the group media-pipeline.transcode', async () => {
    const assetId = `poison-${Date.now().toString(36)}`;
    await mkdir(join(dir, 'sources', assetId), { recursive: true });
    await writeFile(join(dir, 'sources', assetId, 'source'), 'a source the stage never gets to read');
    await worker.request(requestFor(assetId, `sources/${assetId}/source`));
    const until = Date.now() + 30_000;
    let dead: Array<[string, string[]]> = [];
    while (Date.now() < until) {
      dead = (await redis.xrange(dlqKey(stream), '-', '+')) as Array<[string, string[]]>;
      if (dead.some(([, fields]) => fields.join(' ').includes(assetId))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const entry = dead.find(([, fields]) => fields.join(' ').includes(assetId));
    expect(entry).toBeDefined();
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < entry![1].length; i += 2) fields[entry![1][i]] = entry![1][i + 1];
    expect(fields).toMatchObject({
      group: 'media-pipeline.transcode',
      deliveries: '2',
      error: expect.stringMatching(/ENOTDIR|not a directory|EEXIST/),
    });
    const pending = (await redis.xpending(stream, 'media-pipeline.transcode', '-', '+', 1000)) as Array<[string, string, number, number]>;
    expect(pending.map(([id]) => id)).not.toContain(fields.sourceId);
    expect(worker.published.filter((p) => p.payload.assetId === assetId && p.type !== 'media.transcode.requested')).toEqual([]);
  }, 60_000);
});
