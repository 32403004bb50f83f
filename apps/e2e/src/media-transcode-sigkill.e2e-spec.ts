import { createEnvelope, streamKey } from '@mikasmissions/messaging';
import { createRedisClient } from '@mikasmissions/persistence';
import { type ServiceProcesses, startServices, testEnv, testKeyPrefix, testRedisUrl } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { execFile } from 'node:child_process';
import { access, chmod, constants, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 14: SIGKILL of the transcode worker mid-job (media-pipeline as a real process on Postgres +
 * Redis). The request stays pending in `media-pipeline.transcode`; a new worker claims it after
 * `MESSAGING_CLAIM_IDLE_MS`, transcodes it and `media.transcoded` is published exactly once; the
 * killed worker's `.partial-*` output (idle longer than `TRANSCODE_PARTIAL_STALE_MS` by the time
 * the claim comes) is removed when the new transcode starts, so none is left.
 */
describe('a transcode worker killed mid-job: the next worker completes the asset once', () => {
  let dir: string;
  let store: string;
  let redis: Redis;
  const workers: ServiceProcesses[] = [];
  const env = () =>
    testEnv('postgres+redis', {
      LOG_LEVEL: 'warn',
      MEDIA_PIPELINE_STAGES: 'transcode',
      MEDIA_STORE_DIR: store,
      TRANSCODE_HEIGHTS: '720,360',
      TRANSCODE_SEGMENT_SECONDS: '2',
      MESSAGING_CLAIM_IDLE_MS: '1500',
      TRANSCODE_PARTIAL_STALE_MS: '1000',
      MESSAGING_CLAIM_INTERVAL_MS: '200',
      OUTBOX_RELAY_POLL_MS: '100',
    });
  const prefix = `${testKeyPrefix()}events:`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-sigkill-'));
    store = join(dir, 'store');
    redis = createRedisClient(testRedisUrl());
    await redis.connect();
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });

  it('claims the pending request, transcodes it and publishes media.transcoded once', async () => {
    const assetId = `sigkill-${Date.now().toString(36)}`;
    await mkdir(join(store, 'sources', assetId), { recursive: true });
    const ffmpeg = join(require.resolve('@ffmpeg-installer/linux-x64/package.json'), '..', 'ffmpeg');
    await access(ffmpeg, constants.X_OK).catch(() => chmod(ffmpeg, 0o755));
    await run(ffmpeg, [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=1280x720:rate=30',
      '-t',
      '20',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-f',
      'mp4',
      join(store, 'sources', assetId, 'source'),
    ]);

    const first = await startServices(['media-pipeline'], env(), 90_000);
    workers.push(first);
    const payload = {
      assetId,
      episodeId: assetId,
      creatorId: 'creator-1',
      sourcePath: `sources/${assetId}/source`,
      sizeBytes: 1,
      durationMs: 20_000,
      width: 1280,
      height: 720,
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
    };
    const envelope = createEnvelope({
      type: 'media.transcode.requested',
      version: 1,
      payload,
      tenantId: 'default',
      requestId: `r-${assetId}`,
      aggregateId: assetId,
    });
    await redis.xadd(streamKey(prefix, 'media.transcode.requested'), '*', 'envelope', JSON.stringify(envelope));

    const started = Date.now() + 30_000;
    const partials = async () =>
      (await readdir(join(store, 'episodes')).catch(() => [] as string[])).filter((name) => name.startsWith(`${assetId}.partial-`));
    while ((await partials()).length === 0 && Date.now() < started) await sleep(50);
    expect(await partials()).toHaveLength(1);
    await sleep(300);
    await first.kill('media-pipeline', 'SIGKILL', { children: true }); // the worker and its ffmpeg die together, as in a pod
    const pending = (await redis.xpending(streamKey(prefix, 'media.transcode.requested'), 'media-pipeline.transcode')) as [number];
    expect(pending[0]).toBe(1);

    const second = await startServices(['media-pipeline'], env(), 90_000);
    workers.push(second);
    const transcoded = async () =>
      ((await redis.xrange(streamKey(prefix, 'media.transcoded'), '-', '+')) as Array<[string, string[]]>).filter(([, fields]) =>
        fields.join(' ').includes(`"assetId":"${assetId}"`),
      );
    const done = Date.now() + 120_000;
    while ((await transcoded()).length === 0 && Date.now() < done) await sleep(200);
    expect(await transcoded()).toHaveLength(1);
    await sleep(3_000);
    expect(await transcoded()).toHaveLength(1);
    expect(((await redis.xpending(streamKey(prefix, 'media.transcode.requested'), 'media-pipeline.transcode')) as [number])[0]).toBe(0);
    expect(await readFile(join(store, 'episodes', assetId, '720p', 'index.m3u8'), 'utf8')).toContain('#EXT-X-ENDLIST');
    expect(await partials()).toEqual([]);
  }, 240_000);
});
