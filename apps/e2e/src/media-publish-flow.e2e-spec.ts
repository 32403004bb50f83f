import { execFile } from 'node:child_process';
import { access, chmod, constants, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import { createContractValidator, type ServiceProcesses, startServices, TEST_EDGE_IDENTITY_KEY, testEnv } from '@mikasmissions/testing';

const run = promisify(execFile);
const contract = createContractValidator();
const creator: EdgeIdentity = { role: 'creator', tenantId: 'default', requestId: 'r-publish-flow', subject: 'creator-1' };
const reader: EdgeIdentity = { role: 'service', tenantId: 'default', requestId: 'r-publish-flow-reader', subject: 'service:gateway' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the contract validator checks their shape
type Json = Record<string, any>;

/**
 * Issue 14, transcode + (temporary pass-through) publish across processes: creator-studio, the
 * media-pipeline with `ingest,transcode,publish` and catalog as real processes on Postgres + Redis
 * Streams. A real 3-second 320x180 clip is uploaded, fetched, transcoded to HLS (180p: the ladder
 * never upscales), published as `episode.published`, and catalog serves the episode with its
 * rendition; creator-studio shows the asset `published`.
 */
describe('creator upload → ingest → transcode → publish → catalog (processes on Postgres + Redis)', () => {
  let platform: ServiceProcesses;
  let dir: string;
  let source: Server;
  let sourceUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-publish-flow-'));
    const ffmpeg = join(require.resolve('@ffmpeg-installer/linux-x64/package.json'), '..', 'ffmpeg');
    await access(ffmpeg, constants.X_OK).catch(() => chmod(ffmpeg, 0o755));
    await run(ffmpeg, [
      ...[
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=320x180:rate=24',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440',
      ],
      ...['-t', '3', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', join(dir, 'clip.mp4')],
    ]);
    const clip = await readFile(join(dir, 'clip.mp4'));
    source = createServer((req, res) => {
      if (req.url !== '/clip.mp4') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(clip.length) }).end(clip);
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
    platform = await startServices(
      ['creator-studio', 'media-pipeline', 'catalog'],
      testEnv('postgres+redis', {
        AUTH_MODE: 'enforce',
        LOG_LEVEL: 'warn',
        MEDIA_PIPELINE_STAGES: 'ingest,transcode,publish',
        MEDIA_STORE_DIR: join(dir, 'store'),
        INGEST_ALLOW_PRIVATE_SOURCES: 'true',
        OUTBOX_RELAY_POLL_MS: '100',
      }),
      120_000,
    );
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    source?.closeAllConnections();
    await new Promise((resolve) => source?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  async function call(
    service: string,
    who: EdgeIdentity,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> {
    const headers = {
      ...signIdentity(who, { method, path }, TEST_EDGE_IDENTITY_KEY),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    const res = await fetch(`${platform.urls[service]}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Json;
    contract.assert({ method, path, status: res.status, body: json });
    return { status: res.status, body: json };
  }

  it('publishes a transcoded upload: catalog serves the episode with its HLS rendition and the asset is published', async () => {
    const upload = await call('creator-studio', creator, 'POST', '/v1/creator/assets/upload', {
      source_url: `${sourceUrl}/clip.mp4`,
      uploader_id: 'creator-1',
      title: 'Counting stars',
      summary: 'Mika counts to ten.',
      show_id: 'show-stars',
      age_band: '6-11',
      learning_tags: ['counting'],
    });
    expect(upload).toEqual({ status: 202, body: { asset_id: expect.any(String), status: 'queued' } });
    const assetId = upload.body.asset_id as string;

    const until = Date.now() + 60_000;
    let episode: { status: number; body: Json } = { status: 0, body: {} };
    for (;;) {
      episode = await call('catalog', reader, 'GET', `/v1/catalog/episodes/${assetId}`);
      if (episode.status === 200 || Date.now() > until) break;
      expect(episode).toMatchObject({ status: 404, body: { error: { code: 'episode_not_found' } } });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(episode.status).toBe(200);
    expect(episode.body).toMatchObject({
      episode_id: assetId,
      show_id: 'show-stars',
      title: 'Counting stars',
      summary: 'Mika counts to ten.',
      age_band: '6-11',
      learning_tags: ['counting'],
      playback_ready: true,
      thumbnail_url: expect.stringContaining(`episodes/${assetId}/thumb.jpg`),
    });
    expect(Math.abs(episode.body.duration_ms - 3000)).toBeLessThan(250);
    expect(episode.body.renditions).toEqual([expect.objectContaining({ profile: '180p' })]);
    const playlist = await readFile(join(dir, 'store', 'episodes', assetId, '180p', 'index.m3u8'), 'utf8');
    expect(playlist).toContain('#EXT-X-ENDLIST');

    const settle = Date.now() + 10_000;
    let asset: Json = {};
    while (Date.now() < settle) {
      asset = (await call('creator-studio', creator, 'GET', `/v1/creator/assets/${assetId}`)).body;
      if (asset.status === 'published') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(asset).toMatchObject({ asset_id: assetId, status: 'published', last_error: null });
  }, 120_000);
});
