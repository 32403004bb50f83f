import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PipelineWorker, requestFor, run, startWorker } from '../testing/pipeline-worker';
import { ffmpegPath } from './hls-transcoder';
import { throttledProgress } from './progress-reporter';

type Report = { path: string; role: string | undefined; percent: number };

describe('transcode progress reaches creator-studio (memory stores, a loopback creator-studio)', () => {
  let dir: string;
  let worker: PipelineWorker;
  let creator: Server;
  const reports: Report[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-transcode-progress-'));
    creator = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        reports.push({
          path: `${req.method} ${req.url}`,
          role: req.headers['x-auth-role'] as string | undefined,
          percent: (JSON.parse(body) as { percent: number }).percent,
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => creator.listen(0, '127.0.0.1', resolve));
    worker = await startWorker('memory', {
      MEDIA_PIPELINE_STAGES: 'transcode',
      MEDIA_STORE_DIR: dir,
      TRANSCODE_HEIGHTS: '360,180',
      TRANSCODE_SEGMENT_SECONDS: '1',
      TRANSCODE_PROGRESS_INTERVAL_MS: '1',
      CREATOR_URL: `http://127.0.0.1:${(creator.address() as AddressInfo).port}`,
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.app.close();
    await new Promise((resolve) => creator?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('sends rising percents below 100 as the signed service identity while the ladder is written', async () => {
    const assetId = `progress-${Date.now().toString(36)}`;
    await mkdir(join(dir, 'sources', assetId), { recursive: true });
    await run(await ffmpegPath(), [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=24', '-t', '3'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-f', 'mp4', join(dir, 'sources', assetId, 'source')],
    ]);
    await worker.request(requestFor(assetId, `sources/${assetId}/source`));
    expect(await worker.waitFor('media.transcoded', assetId)).toBeDefined();
    const mine = reports.filter((r) => r.path === `PUT /internal/creator/assets/${assetId}/progress`);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((r) => r.role === 'service' && Number.isInteger(r.percent) && r.percent >= 0 && r.percent <= 99)).toBe(true);
    const percents = mine.map((r) => r.percent);
    expect(percents).toEqual([...new Set(percents)].sort((a, b) => a - b));
    expect(percents[percents.length - 1]).toBeGreaterThanOrEqual(90);
  }, 60_000);

  it('throttles: only rising percents, at most one per interval, one in flight', async () => {
    let clock = 0;
    const sent: number[] = [];
    let release: () => void = () => undefined;
    const report = throttledProgress(
      (percent) => {
        sent.push(percent);
        return new Promise<void>((resolve) => (release = resolve));
      },
      1_000,
      () => clock,
    );
    report(10);
    report(20);
    release();
    await Promise.resolve();
    await Promise.resolve();
    report(30);
    clock = 1_000;
    report(5);
    report(25);
    report(40);
    expect(sent).toEqual([10, 25]);
  });
});
