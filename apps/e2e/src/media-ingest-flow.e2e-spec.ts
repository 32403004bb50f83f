import { execFile } from 'node:child_process';
import { access, chmod, constants, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import { createContractValidator, type ServiceProcesses, startServices, TEST_EDGE_IDENTITY_KEY, testEnv } from '@mikasmissions/testing';

const run = promisify(execFile);
const contract = createContractValidator();
const creator: EdgeIdentity = { role: 'creator', tenantId: 'default', requestId: 'r-ingest-flow', subject: 'creator-1' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the contract validator checks their shape
type Json = Record<string, any>;

/** A 2-second 160x90 H.264 MP4 and an audio-only M4A, made by ffmpeg (`@ffmpeg-installer/linux-x64`). */
async function clips(dir: string): Promise<{ video: Buffer; audio: Buffer }> {
  const ffmpeg = join(require.resolve('@ffmpeg-installer/linux-x64/package.json'), '..', 'ffmpeg');
  await access(ffmpeg, constants.X_OK).catch(() => chmod(ffmpeg, 0o755));
  const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];
  const lavfi = ['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10', '-f', 'lavfi', '-i', 'sine=frequency=440'];
  await run(ffmpeg, [...quiet, ...lavfi, '-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', join(dir, 'clip.mp4')]);
  await run(ffmpeg, [...quiet, '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '2', '-c:a', 'aac', join(dir, 'tone.m4a')]);
  return { video: await readFile(join(dir, 'clip.mp4')), audio: await readFile(join(dir, 'tone.m4a')) };
}

/**
 * Issue 14's first slice across processes: creator-studio and the media-pipeline's ingest stage as
 * real processes on Postgres + Redis Streams. An upload is queued, `media.uploaded` travels through
 * the outbox and Redis to ingest, which fetches the clip from a loopback source, probes it and
 * publishes; creator-studio shows the asset `ingested` (or `rejected` with the reason).
 */
describe('creator upload → ingest → asset state (creator-studio, media-pipeline as processes)', () => {
  let platform: ServiceProcesses;
  let dir: string;
  let source: Server;
  let sourceUrl: string;
  let video: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-ingest-flow-'));
    const made = await clips(dir);
    video = made.video;
    source = createServer((req, res) => {
      const body = req.url === '/clip.mp4' ? made.video : req.url === '/tone.m4a' ? made.audio : null;
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(body.length) }).end(body);
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
    platform = await startServices(
      ['creator-studio', 'media-pipeline'],
      testEnv('postgres+redis', {
        AUTH_MODE: 'enforce',
        LOG_LEVEL: 'warn',
        MEDIA_PIPELINE_STAGES: 'ingest',
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

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const headers = {
      ...signIdentity(creator, { method, path }, TEST_EDGE_IDENTITY_KEY),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    const res = await fetch(`${platform.urls['creator-studio']}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Json;
    contract.assert({ method, path, status: res.status, body: json });
    return { status: res.status, body: json };
  }
  async function settled(assetId: string): Promise<Json> {
    const until = Date.now() + 30_000;
    for (;;) {
      const asset = (await call('GET', `/v1/creator/assets/${assetId}`)).body;
      if (asset.status !== 'queued' || Date.now() > until) return asset;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('ingests a real clip: the asset becomes ingested and the source is in the media store', async () => {
    const upload = await call('POST', '/v1/creator/assets/upload', {
      source_url: `${sourceUrl}/clip.mp4`,
      uploader_id: 'creator-1',
      title: 'Stars',
      age_band: '3-5',
    });
    expect(upload).toEqual({ status: 202, body: { asset_id: expect.any(String), status: 'queued' } });
    const asset = await settled(upload.body.asset_id);
    expect(asset).toMatchObject({ asset_id: upload.body.asset_id, status: 'ingested', last_error: null, title: 'Stars', age_band: '3-5' });
    expect((await stat(join(dir, 'store', 'sources', upload.body.asset_id, 'source'))).size).toBe(video.length);
  }, 60_000);

  it('rejects an audio-only source: the asset is rejected with no_video_stream as its last error', async () => {
    const upload = await call('POST', '/v1/creator/assets/upload', { source_url: `${sourceUrl}/tone.m4a`, uploader_id: 'creator-1' });
    expect(upload.status).toBe(202);
    expect(await settled(upload.body.asset_id)).toMatchObject({
      status: 'rejected',
      last_error: { code: 'no_video_stream', message: expect.any(String) },
    });
  }, 60_000);
});
