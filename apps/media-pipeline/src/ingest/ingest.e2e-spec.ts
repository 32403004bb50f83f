import type { INestApplication } from '@nestjs/common';
import { type EventDefinition, MediaUploaded, type MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { connectEventConsumers, EventPublisher } from '@mikasmissions/messaging';
import { createRedisClient } from '@mikasmissions/persistence';
import { ADAPTERS, bootApp, deleteKeysUnder, testEnv, testKeyPrefix, testRedisUrl, type TestStores } from '@mikasmissions/testing';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { type ClipServer, startClipServer, writeClips } from '../testing/clip-server';

type Published = { type: string; payload: Record<string, unknown> };

const MAX_BYTES = 400_000;

/** Boots the worker with `env` over the stores, connects its consumers and records what it publishes. */
async function startWorker(stores: TestStores, env: Record<string, string>) {
  const app: INestApplication = await bootApp(AppModule, {
    adapter: ADAPTERS[0],
    env: testEnv(stores, { MESSAGING_MAX_DELIVERIES: '2', MESSAGING_RETRY_BASE_MS: '50', MESSAGING_RETRY_MAX_MS: '100', ...env }),
    globalPrefix: 'media-pipeline',
  });
  await connectEventConsumers(app);
  const published: Published[] = [];
  const publisher = app.get(EventPublisher);
  const publish = publisher.publish.bind(publisher);
  publisher.publish = (async (event: EventDefinition, payload: object, options) => {
    if (event.type !== 'media.uploaded') published.push({ type: event.type, payload: { ...(payload as Record<string, unknown>) } });
    return publish(event, payload as never, options);
  }) as EventPublisher['publish'];
  const upload = (assetId: string, sourceUrl: string, extra: Partial<MediaUploadedPayload> = {}) =>
    publish(
      MediaUploaded,
      { episodeId: assetId, assetId, creatorId: 'creator-1', sourceUrl, ...extra },
      { aggregateId: assetId, tenantId: 'default' },
    );
  const outcome = async (assetId: string, timeoutMs = 15_000): Promise<Published | undefined> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = published.find((p) => p.payload.assetId === assetId);
      if (found || Date.now() > until) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { app, published, upload, outcome };
}

describe.each<TestStores>(['memory', 'postgres+redis'])('media-pipeline ingest with %s stores', (stores) => {
  let dir: string;
  let store: string;
  let source: ClipServer;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let clip: Buffer;
  const id = (label: string) => `${label}-${stores.replace('+', '-')}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-ingest-'));
    store = join(dir, 'store');
    const clips = await writeClips(join(dir, 'clips'));
    clip = clips.video;
    source = await startClipServer({
      '/clip.mp4': { body: clips.video },
      '/chunked.mp4': { body: clips.video, chunked: true },
      '/moved': { location: '/clip.mp4' },
      '/tone.m4a': { body: clips.audio },
      '/notes.txt': { body: 'this is not a video at all\n'.repeat(20) },
      '/big.bin': { body: Buffer.alloc(MAX_BYTES + 1, 7) },
      '/big-chunked.bin': { body: Buffer.alloc(MAX_BYTES + 1, 7), chunked: true },
      '/flaky': { status: 503, body: 'try later' },
      '/slow': { hang: true },
    });
    worker = await startWorker(stores, {
      MEDIA_PIPELINE_STAGES: 'ingest',
      MEDIA_STORE_DIR: store,
      INGEST_ALLOW_PRIVATE_SOURCES: 'true',
      INGEST_MAX_BYTES: String(MAX_BYTES),
      INGEST_TIMEOUT_MS: '1000',
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.app.close();
    await source?.close();
    await rm(dir, { recursive: true, force: true });
    if (stores.includes('redis')) {
      const redis = createRedisClient(testRedisUrl());
      await redis.connect();
      await deleteKeysUnder(redis, testKeyPrefix());
      await redis.quit();
    }
  });

  it('fetches a real clip into the store, probes it and publishes media.transcode.requested', async () => {
    const assetId = id('clip');
    await worker.upload(assetId, `${source.url}/clip.mp4`, { title: 'Stars', ageBand: '3-5', learningTags: ['math'], showId: 'show-1' });
    const done = await worker.outcome(assetId);
    expect(done).toEqual({
      type: 'media.transcode.requested',
      payload: {
        assetId,
        episodeId: assetId,
        creatorId: 'creator-1',
        sourcePath: `sources/${assetId}/source`,
        sizeBytes: clip.length,
        durationMs: expect.any(Number),
        width: 160,
        height: 90,
        container: expect.stringContaining('mp4'),
        videoCodec: 'h264',
        title: 'Stars',
        ageBand: '3-5',
        learningTags: ['math'],
        showId: 'show-1',
      },
    });
    expect(Math.abs((done!.payload.durationMs as number) - 2000)).toBeLessThan(200);
    expect((await readFile(join(store, 'sources', assetId, 'source'))).equals(clip)).toBe(true);
  });

  it('takes a direct upload from the store (media-store:sources/<asset>/source) without a fetch', async () => {
    const assetId = id('direct');
    await mkdir(join(store, 'sources', assetId), { recursive: true });
    await writeFile(join(store, 'sources', assetId, 'source'), clip);
    const hits = [...source.hits.values()].reduce((a, b) => a + b, 0);
    await worker.upload(assetId, `media-store:sources/${assetId}/source`, { contentType: 'video/mp4' });
    expect(await worker.outcome(assetId)).toMatchObject({
      type: 'media.transcode.requested',
      payload: { assetId, sourcePath: `sources/${assetId}/source`, sizeBytes: clip.length, width: 160, height: 90, videoCodec: 'h264' },
    });
    expect([...source.hits.values()].reduce((a, b) => a + b, 0)).toBe(hits);
  });

  it('refuses a media-store reference to another asset, a missing file or one over INGEST_MAX_BYTES', async () => {
    const owner = id('owner');
    await mkdir(join(store, 'sources', owner), { recursive: true });
    await writeFile(join(store, 'sources', owner, 'source'), clip);
    const big = id('big-direct');
    await mkdir(join(store, 'sources', big), { recursive: true });
    await writeFile(join(store, 'sources', big, 'source'), Buffer.alloc(MAX_BYTES + 1, 7));
    const cases: Array<[string, string, string]> = [
      [id('thief'), `media-store:sources/${owner}/source`, 'invalid_source_url'],
      [id('escape'), 'media-store:sources/../../etc/passwd', 'invalid_source_url'],
      [id('gone'), '', 'source_missing'],
      [big, `media-store:sources/${big}/source`, 'source_too_large'],
    ];
    for (const [assetId, ref, reason] of cases) {
      await worker.upload(assetId, ref || `media-store:sources/${assetId}/source`);
      expect(await worker.outcome(assetId)).toMatchObject({ type: 'media.rejected', payload: { assetId, stage: 'ingest', reason } });
    }
    expect((await readFile(join(store, 'sources', owner, 'source'))).equals(clip)).toBe(true);
  });

  it('follows a redirect and a chunked answer', async () => {
    for (const path of ['/moved', '/chunked.mp4']) {
      const assetId = id('hop');
      await worker.upload(assetId, `${source.url}${path}`);
      expect(await worker.outcome(assetId)).toMatchObject({
        type: 'media.transcode.requested',
        payload: { sizeBytes: clip.length, width: 160 },
      });
    }
  });

  it('rejects what is not a video, too large or missing with media.rejected and a reason, keeping nothing', async () => {
    const cases: Array<[string, string]> = [
      ['/tone.m4a', 'no_video_stream'],
      ['/notes.txt', 'unreadable_media'],
      ['/big.bin', 'source_too_large'],
      ['/big-chunked.bin', 'source_too_large'],
      ['/nothing-here', 'source_unavailable'],
    ];
    for (const [path, reason] of cases) {
      const assetId = id('bad');
      await worker.upload(assetId, `${source.url}${path}`);
      const done = await worker.outcome(assetId);
      expect({ path, done }).toEqual({
        path,
        done: { type: 'media.rejected', payload: { assetId, episodeId: assetId, stage: 'ingest', reason, message: expect.any(String) } },
      });
      await expect(stat(join(store, 'sources', assetId))).rejects.toThrow();
    }
  });

  it('retries a source that answers 503 or times out, and publishes nothing for it', async () => {
    for (const path of ['/flaky', '/slow']) {
      const assetId = id('retry');
      await worker.upload(assetId, `${source.url}${path}`);
      const until = Date.now() + 10_000;
      while ((source.hits.get(path) ?? 0) < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(source.hits.get(path)).toBeGreaterThanOrEqual(2);
      expect(await worker.outcome(assetId, 500)).toBeUndefined();
    }
  });
});

describe('media-pipeline ingest refuses SSRF without INGEST_ALLOW_PRIVATE_SOURCES', () => {
  let dir: string;
  let source: ClipServer;
  let worker: Awaited<ReturnType<typeof startWorker>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-ssrf-'));
    source = await startClipServer({ '/clip.mp4': { body: 'x' } });
    worker = await startWorker('memory', { MEDIA_STORE_DIR: dir, INGEST_TIMEOUT_MS: '2000' });
  });
  afterAll(async () => {
    await worker?.app.close();
    await source?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['a loopback IP', () => `${source.url}/clip.mp4`],
    ['a name that resolves to loopback', () => `${source.url.replace('127.0.0.1', 'localhost')}/clip.mp4`],
    ['the link-local metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a private address', () => 'http://10.0.0.1/clip.mp4'],
    ['an IPv6 loopback', () => 'http://[::1]/clip.mp4'],
  ])('rejects %s with source_forbidden and never connects', async (_label, url) => {
    const assetId = `ssrf-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    await worker.upload(assetId, url());
    expect(await worker.outcome(assetId)).toMatchObject({ type: 'media.rejected', payload: { reason: 'source_forbidden' } });
    expect(source.hits.get('/clip.mp4')).toBeUndefined();
  });
});
