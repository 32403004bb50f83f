import type { MediaTranscodedPayload } from '@mikasmissions/contracts-events';
import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl, type TestStores } from '@mikasmissions/testing';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClipServer, startClipServer } from '../testing/clip-server';
import { type PipelineWorker, probe, requestFor, run, startWorker } from '../testing/pipeline-worker';
import { ffmpegPath } from './hls-transcoder';

/** The bytes of every file in `dir`. */
const bytesIn = async (dir: string) => {
  const sizes = await Promise.all(
    (await readdir(dir)).filter((n) => !n.endsWith('.m3u8')).map(async (n) => (await stat(join(dir, n))).size),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
};

/** `<out>/master.m3u8` lists the 720p and 360p variants with plausible measured bit rates, and ffprobe reads it as both. */
async function expectMaster(out: string): Promise<void> {
  const text = await readFile(join(out, 'master.m3u8'), 'utf8');
  const lines = text.split('\n');
  expect(lines[0]).toBe('#EXTM3U');
  const variants = lines.flatMap((line, i) => {
    const inf = /^#EXT-X-STREAM-INF:BANDWIDTH=(\d+),AVERAGE-BANDWIDTH=(\d+),RESOLUTION=(\d+x\d+),CODECS="([^"]+)"$/.exec(line);
    return inf ? [{ peak: Number(inf[1]), average: Number(inf[2]), resolution: inf[3], codecs: inf[4], uri: lines[i + 1] }] : [];
  });
  expect(variants.map((v) => [v.resolution, v.uri])).toEqual([
    ['1280x720', '720p/index.m3u8'],
    ['640x360', '360p/index.m3u8'],
  ]);
  for (const v of variants) {
    expect(v.codecs).toMatch(/^avc1\.4d[0-9a-f]{4},mp4a\.40\.2$/); // H.264 Main (0x4d) + AAC-LC
    expect(v.peak).toBeGreaterThanOrEqual(v.average);
    const measured = ((await bytesIn(join(out, v.uri.split('/')[0]))) * 8) / 3;
    expect(v.average / measured).toBeGreaterThan(0.8);
    expect(v.average / measured).toBeLessThan(1.25);
  }
  expect(variants[0].average).toBeGreaterThan(variants[1].average);
  const probed = await probe(join(out, 'master.m3u8'));
  const sizes = probed.streams.filter((s) => s.codec_type === 'video').map((s) => `${s.width}x${s.height}`);
  expect(sizes.sort()).toEqual(['1280x720', '640x360']);
}

describe.each<TestStores>(['memory', 'postgres+redis'])('media-pipeline ingest → transcode → publish with %s stores', (stores) => {
  let dir: string;
  let store: string;
  let source: ClipServer;
  let worker: PipelineWorker;
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
        'testsrc=size=1280x720:rate=24',
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
      TRANSCODE_HEIGHTS: '1080,720,360',
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

  it('turns an uploaded 3-second clip into playable HLS renditions (no upscaling) and publishes the approved episode', async () => {
    const assetId = id('clip');
    await worker.upload(assetId, `${source.url}/clip.mp4`, {
      title: 'Stars',
      ageBand: '3-5',
      learningTags: ['math'],
      showId: 'show-1',
      summary: 'Counting',
      runId: 'run-1',
      reviewRequired: true,
      language: 'en',
    });
    const transcoded = await worker.waitFor('media.transcoded', assetId);
    const key = (path: string) => `episodes/${assetId}/${path}`;
    expect(transcoded?.payload).toEqual({
      assetId,
      episodeId: assetId,
      creatorId: 'creator-1',
      durationMs: expect.any(Number),
      renditions: [
        { profile: '720p', storageKey: key('720p/index.m3u8'), width: 1280, height: 720 },
        { profile: '360p', storageKey: key('360p/index.m3u8'), width: 640, height: 360 },
      ],
      thumbnailKey: key('thumb.jpg'),
      masterKey: key('master.m3u8'),
      title: 'Stars',
      summary: 'Counting',
      showId: 'show-1',
      ageBand: '3-5',
      learningTags: ['math'],
      runId: 'run-1',
      reviewRequired: true,
      language: 'en',
    });
    expect((await worker.waitFor('media.transcode.requested', assetId))?.payload).toMatchObject({
      runId: 'run-1',
      reviewRequired: true,
      language: 'en',
    });
    expect(Math.abs((transcoded!.payload.durationMs as number) - 3000)).toBeLessThan(250);
    for (const [profile, width, height] of [
      ['720p', 1280, 720],
      ['360p', 640, 360],
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
      width: 1280,
      height: 720,
    });
    await expectMaster(join(store, 'episodes', assetId));
    expect((await readdir(join(store, 'episodes'))).filter((name) => name.includes('.partial-'))).toEqual([]);

    // Publish waits for moderation: media.transcoded alone publishes nothing.
    expect(await worker.waitFor('episode.published', assetId, 300)).toBeUndefined();
    const { reviewRequired, ...approved } = transcoded!.payload as unknown as MediaTranscodedPayload;
    expect(reviewRequired).toBe(true);
    await worker.approve({ ...approved, ageBand: '3-5' });
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
        { profile: '720p', storageKey: key('720p/index.m3u8') },
        { profile: '360p', storageKey: key('360p/index.m3u8') },
      ],
      masterKey: key('master.m3u8'),
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      runId: 'run-1',
    });
  }, 90_000);

  it('passes an asset without an age band on to moderation unpublished (never a hard-coded band)', async () => {
    const assetId = id('noband');
    await worker.upload(assetId, `${source.url}/clip.mp4`);
    expect((await worker.waitFor('media.transcoded', assetId))?.payload.ageBand).toBeUndefined();
    expect(await worker.waitFor('episode.published', assetId, 500)).toBeUndefined();
    expect(await worker.waitFor('media.rejected', assetId, 10)).toBeUndefined();
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
