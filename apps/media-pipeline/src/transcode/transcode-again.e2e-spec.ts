import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PipelineWorker, probe, requestFor, run, startWorker } from '../testing/pipeline-worker';
import { ffmpegPath } from './hls-transcoder';

/** Writes a 2-second 640x360 H.264 MP4 to `file`. */
async function writeSource(file: string): Promise<void> {
  await run(await ffmpegPath(), [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=24', '-t', '2'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-f', 'mp4', file],
  ]);
}

describe('media-pipeline transcode: a repeated request replaces the output (memory stores)', () => {
  let dir: string;
  let worker: PipelineWorker;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-transcode-again-'));
    worker = await startWorker('memory', {
      MEDIA_PIPELINE_STAGES: 'transcode',
      MEDIA_STORE_DIR: dir,
      TRANSCODE_HEIGHTS: '360',
      TRANSCODE_SEGMENT_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await worker?.app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the same keys again, drops files of the earlier run and leaves no partial directory; a source without audio gets a video-only rendition', async () => {
    const assetId = `again-${Date.now().toString(36)}`;
    await mkdir(join(dir, 'sources', assetId), { recursive: true });
    await writeSource(join(dir, 'sources', assetId, 'source'));
    await worker.request(requestFor(assetId, `sources/${assetId}/source`));
    const first = await worker.waitFor('media.transcoded', assetId);
    expect(first?.payload.renditions).toEqual([
      { profile: '360p', storageKey: `episodes/${assetId}/360p/index.m3u8`, width: 640, height: 360 },
    ]);
    await writeFile(join(dir, 'episodes', assetId, 'stale-from-an-earlier-run.txt'), 'x');
    await worker.request(requestFor(assetId, `sources/${assetId}/source`));
    const until = Date.now() + 30_000;
    while (worker.published.filter((p) => p.type === 'media.transcoded').length < 2 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const both = worker.published.filter((p) => p.type === 'media.transcoded' && p.payload.assetId === assetId);
    expect(both.map((p) => p.payload)).toEqual([first!.payload, first!.payload]);
    expect((await readdir(join(dir, 'episodes', assetId))).sort()).toEqual(['360p', 'master.m3u8', 'thumb.jpg']);
    expect(await readdir(join(dir, 'episodes'))).toEqual([assetId]);
    const probed = await probe(join(dir, 'episodes', assetId, '360p', 'index.m3u8'));
    expect(probed.streams.map((s) => s.codec_type)).toEqual(['video']);
    // The master names no audio codec for a video-only rendition (a player would wait for audio that never comes).
    expect(await readFile(join(dir, 'episodes', assetId, 'master.m3u8'), 'utf8')).toMatch(
      /RESOLUTION=640x360,CODECS="avc1\.[0-9a-f]{6}"\n360p\/index\.m3u8\n/,
    );
  }, 60_000);
});

describe('media-pipeline transcode with a timeout shorter than the job', () => {
  let dir: string;
  let worker: PipelineWorker;

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
