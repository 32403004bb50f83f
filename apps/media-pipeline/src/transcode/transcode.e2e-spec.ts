import type { INestApplication } from '@nestjs/common';
import {
  type EventDefinition,
  MediaTranscodeRequested,
  type MediaTranscodeRequestedPayload,
  MediaUploaded,
  type MediaUploadedPayload,
} from '@mikasmissions/contracts-events';
import { connectEventConsumers, EventPublisher } from '@mikasmissions/messaging';
import { createRedisClient } from '@mikasmissions/persistence';
import { ADAPTERS, bootApp, deleteKeysUnder, testEnv, testKeyPrefix, testRedisUrl, type TestStores } from '@mikasmissions/testing';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppModule } from '../app.module';
import { ffprobePath } from '../ingest/media-probe';
import { type ClipServer, startClipServer } from '../testing/clip-server';
import { ffmpegPath } from './hls-transcoder';

const run = promisify(execFile);
type Published = { type: string; payload: Record<string, unknown> };
type Probe = {
  format: { format_name: string; duration: string };
  streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number }>;
};

/** ffprobe's JSON view of `file`. */
async function probe(file: string): Promise<Probe> {
  const { stdout } = await run(await ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
  return JSON.parse(stdout) as Probe;
}

/** Boots the worker with `env`, connects its consumers and records every stage event it publishes. */
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
    published.push({ type: event.type, payload: { ...(payload as Record<string, unknown>) } });
    return publish(event, payload as never, options);
  }) as EventPublisher['publish'];
  const upload = (assetId: string, sourceUrl: string, extra: Partial<MediaUploadedPayload> = {}) =>
    publish(MediaUploaded, { episodeId: assetId, assetId, creatorId: 'creator-1', sourceUrl, ...extra }, { aggregateId: assetId });
  const request = (payload: MediaTranscodeRequestedPayload) => publish(MediaTranscodeRequested, payload, { aggregateId: payload.assetId });
  const waitFor = async (type: string, episodeId: string, timeoutMs = 30_000): Promise<Published | undefined> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = published.find((p) => p.type === type && p.payload.episodeId === episodeId);
      if (found || Date.now() > until) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { app, published, upload, request, waitFor };
}

const requestFor = (assetId: string, sourcePath: string): MediaTranscodeRequestedPayload => ({
  assetId,
  episodeId: assetId,
  creatorId: 'creator-1',
  sourcePath,
  sizeBytes: 100,
  durationMs: 3000,
  width: 640,
  height: 360,
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
});

describe.each<TestStores>(['memory', 'postgres+redis'])('media-pipeline ingest → transcode → publish with %s stores', (stores) => {
  let dir: string;
  let store: string;
  let source: ClipServer;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  const id = (label: string) => `${label}-${stores.replace('+', '-')}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-transcode-'));
    store = join(dir, 'store');
    const clip = join(dir, 'clip.mp4');
    await run(await ffmpegPath(), [
      ...[
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=640x360:rate=24',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440',
      ],
      ...['-t', '3', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', clip],
    ]);
    source = await startClipServer({ '/clip.mp4': { body: await readFile(clip) } });
    worker = await startWorker(stores, {
      MEDIA_PIPELINE_STAGES: 'ingest,transcode,publish',
      MEDIA_STORE_DIR: store,
      INGEST_ALLOW_PRIVATE_SOURCES: 'true',
      TRANSCODE_HEIGHTS: '720,360,180',
      TRANSCODE_SEGMENT_SECONDS: '1',
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

  it('turns an uploaded 3-second clip into playable HLS renditions (no upscaling) and publishes the episode', async () => {
    const assetId = id('clip');
    await worker.upload(assetId, `${source.url}/clip.mp4`, {
      title: 'Stars',
      ageBand: '3-5',
      learningTags: ['math'],
      showId: 'show-1',
      summary: 'Counting',
    });
    const transcoded = await worker.waitFor('media.transcoded', assetId);
    const key = (path: string) => `episodes/${assetId}/${path}`;
    expect(transcoded?.payload).toEqual({
      assetId,
      episodeId: assetId,
      creatorId: 'creator-1',
      durationMs: expect.any(Number),
      renditions: [
        { profile: '360p', storageKey: key('360p/index.m3u8'), width: 640, height: 360 },
        { profile: '180p', storageKey: key('180p/index.m3u8'), width: 320, height: 180 },
      ],
      thumbnailKey: key('thumb.jpg'),
      title: 'Stars',
      summary: 'Counting',
      showId: 'show-1',
      ageBand: '3-5',
      learningTags: ['math'],
    });
    expect(Math.abs((transcoded!.payload.durationMs as number) - 3000)).toBeLessThan(250);
    for (const [profile, width, height] of [
      ['360p', 640, 360],
      ['180p', 320, 180],
    ] as const) {
      const playlist = join(store, 'episodes', assetId, profile, 'index.m3u8');
      const probed = await probe(playlist);
      expect(probed.format.format_name).toBe('hls');
      expect(Math.abs(Number(probed.format.duration) * 1000 - 3000)).toBeLessThan(250);
      expect(probed.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width, height });
      expect(probed.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
      const text = await readFile(playlist, 'utf8');
      expect(text).toMatch(/^#EXTM3U/);
      expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(text).toContain('#EXT-X-ENDLIST');
      expect(text).toContain('#EXT-X-MAP:URI="init.mp4"');
      const segments = text.split('\n').filter((line) => line.endsWith('.m4s'));
      expect(segments.length).toBeGreaterThanOrEqual(3);
      const init = await readFile(join(store, 'episodes', assetId, profile, 'init.mp4'));
      for (const segment of segments) {
        // A segment plays after the init section: ffprobe the two joined as one fragmented MP4.
        const joined = join(dir, `${assetId}-${profile}-${segment}.mp4`);
        await writeFile(joined, Buffer.concat([init, await readFile(join(store, 'episodes', assetId, profile, segment))]));
        expect((await probe(joined)).streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width, height });
      }
    }
    expect((await probe(join(store, 'episodes', assetId, 'thumb.jpg'))).streams[0]).toMatchObject({
      codec_name: 'mjpeg',
      width: 640,
      height: 360,
    });
    expect((await readdir(join(store, 'episodes'))).filter((name) => name.includes('.partial-'))).toEqual([]);

    const published = await worker.waitFor('episode.published', assetId);
    expect(published?.payload).toEqual({
      episodeId: assetId,
      missionId: 'show-1',
      ageRating: '3+',
      ageBand: '3-5',
      title: 'Stars',
      showId: 'show-1',
      summary: 'Counting',
      durationMs: transcoded!.payload.durationMs,
      learningTags: ['math'],
      thumbnailUrl: key('thumb.jpg'),
      renditions: [
        { profile: '360p', storageKey: key('360p/index.m3u8') },
        { profile: '180p', storageKey: key('180p/index.m3u8') },
      ],
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  }, 90_000);

  it('rejects at publish an asset without an age band (never a hard-coded one)', async () => {
    const assetId = id('noband');
    await worker.upload(assetId, `${source.url}/clip.mp4`);
    expect((await worker.waitFor('media.rejected', assetId))?.payload).toEqual({
      assetId,
      episodeId: assetId,
      stage: 'publish',
      reason: 'missing_age_band',
      message: expect.any(String),
    });
    expect(await worker.waitFor('episode.published', assetId, 300)).toBeUndefined();
  }, 90_000);

  it('rejects a corrupt, a missing and an out-of-store source with a reason, leaving no output', async () => {
    const corrupt = id('corrupt');
    await mkdir(join(store, 'sources', corrupt), { recursive: true });
    await writeFile(
      join(store, 'sources', corrupt, 'source'),
      Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42'), Buffer.alloc(4096, 0x5a)]),
    );
    const cases: Array<[string, string, string]> = [
      [corrupt, `sources/${corrupt}/source`, 'transcode_failed'],
      [id('missing'), 'sources/nobody/source', 'source_missing'],
      [id('escape'), '../../../../etc/passwd', 'source_missing'],
    ];
    for (const [assetId, sourcePath, reason] of cases) {
      await worker.request(requestFor(assetId, sourcePath));
      const done = await worker.waitFor('media.rejected', assetId);
      expect({ sourcePath, done: done?.payload }).toEqual({
        sourcePath,
        done: { assetId, episodeId: assetId, stage: 'transcode', reason, message: expect.any(String) },
      });
      await expect(stat(join(store, 'episodes', assetId))).rejects.toThrow();
      expect(worker.published.some((p) => p.type === 'media.transcoded' && p.payload.assetId === assetId)).toBe(false);
    }
    expect((await readdir(join(store, 'episodes'))).filter((name) => name.includes('.partial-'))).toEqual([]);
  }, 90_000);
});

describe('media-pipeline transcode with a timeout shorter than the job', () => {
  let dir: string;
  let worker: Awaited<ReturnType<typeof startWorker>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-transcode-timeout-'));
    worker = await startWorker('memory', { MEDIA_PIPELINE_STAGES: 'transcode', MEDIA_STORE_DIR: dir, TRANSCODE_TIMEOUT_MS: '1' });
  });
  afterAll(async () => {
    await worker?.app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('kills ffmpeg and rejects the asset with transcode_timeout, leaving no output', async () => {
    const assetId = `slow-${Date.now().toString(36)}`;
    await mkdir(join(dir, 'sources', assetId), { recursive: true });
    await run(await ffmpegPath(), [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=640x360:rate=24',
      '-t',
      '2',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-f',
      'mp4',
      join(dir, 'sources', assetId, 'source'),
    ]);
    await worker.request(requestFor(assetId, `sources/${assetId}/source`));
    expect((await worker.waitFor('media.rejected', assetId))?.payload).toMatchObject({ stage: 'transcode', reason: 'transcode_timeout' });
    expect(await readdir(join(dir, 'episodes'))).toEqual([]);
  }, 30_000);
});
