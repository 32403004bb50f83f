import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import { createContractValidator, type ServiceProcesses, startServices, TEST_EDGE_IDENTITY_KEY, testEnv } from '@mikasmissions/testing';
import { type ClipSource, startClipSource } from './testing/clip-source';
import { gatewayCall, poll } from './testing/gateway-client';

const contract = createContractValidator();
const creator: EdgeIdentity = { role: 'creator', tenantId: 'default', requestId: 'r-publish-flow', subject: 'creator-1' };
const reader: EdgeIdentity = { role: 'service', tenantId: 'default', requestId: 'r-publish-flow-reader', subject: 'service:gateway' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the contract validator checks their shape
type Json = Record<string, any>;

const ADMIN = { email: 'moderator@mikasmissions.local', password: 'moderation-e2e-2026' };

/**
 * Issue 14 across processes: creator-studio, the media-pipeline with `ingest,transcode,publish`,
 * moderation, catalog, identity and the gateway as real processes on Postgres + Redis Streams. A
 * real 3-second 320x180 clip is uploaded, fetched, transcoded to HLS (180p: the ladder never
 * upscales), reviewed by moderation's policy (creator-1 is trusted by `MODERATION_TRUSTED_CREATORS`),
 * published from `media.approved` as `episode.published`, and catalog serves the episode with its
 * rendition. A blocked term ends `rejected` with its reason; an unknown creator's upload waits
 * `in_review` until an admin approves (→ published) or rejects (→ rejected) it through the gateway.
 * A creator an admin raises to trusted (`PUT /v1/admin/moderation/creators/{id}`) is published
 * without review; lowered again, its next upload waits in the queue.
 */
describe('creator upload → ingest → transcode → moderation → publish → catalog (processes on Postgres + Redis)', () => {
  let platform: ServiceProcesses;
  let dir: string;
  let source: ClipSource;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-publish-flow-'));
    source = await startClipSource(dir);
    platform = await startServices(
      ['creator-studio', 'media-pipeline', 'moderation', 'catalog', 'identity', 'gateway'],
      testEnv('postgres+redis', {
        AUTH_MODE: 'enforce',
        AUTHX_TRUST_PROXY: 'true',
        ADMIN_BOOTSTRAP_EMAIL: ADMIN.email,
        ADMIN_BOOTSTRAP_PASSWORD: ADMIN.password,
        MODERATION_TRUSTED_CREATORS: 'creator-1',
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
    await source?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const gateway = gatewayCall(() => platform.urls.gateway, contract);

  /** Uploads as the creator named by `uploader_id` (a creator uploads only as itself). */
  async function upload(body: Json): Promise<string> {
    const res = await call(
      'creator-studio',
      { ...creator, subject: body.uploader_id ?? creator.subject },
      'POST',
      '/v1/creator/assets/upload',
      {
        source_url: source.url,
        age_band: '6-11',
        ...body,
      },
    );
    expect(res).toEqual({ status: 202, body: { asset_id: expect.any(String), status: 'queued' } });
    return res.body.asset_id as string;
  }

  const assetState = (assetId: string, status: string) =>
    poll(
      `asset ${assetId} ${status}`,
      async () => (await call('creator-studio', creator, 'GET', `/v1/creator/assets/${assetId}`)).body,
      (a) => a.status === status,
      60_000,
    );

  const episodeStatus = async (assetId: string) => (await call('catalog', reader, 'GET', `/v1/catalog/episodes/${assetId}`)).status;

  let adminToken = '';
  const admin = async () => {
    if (adminToken) return adminToken;
    const login = await gateway('POST', '/v1/admin/login', ADMIN);
    expect(login.status).toBe(200);
    return (adminToken = login.body.access_token as string);
  };

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
      source_url: source.url,
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
    expect(episode.body.renditions).toEqual([
      expect.objectContaining({ profile: 'adaptive', storage_key: `episodes/${assetId}/master.m3u8` }),
      expect.objectContaining({ profile: '180p' }),
    ]);
    const playlist = await readFile(join(dir, 'store', 'episodes', assetId, '180p', 'index.m3u8'), 'utf8');
    expect(playlist).toContain('#EXT-X-ENDLIST');
    const master = await readFile(join(dir, 'store', 'episodes', assetId, 'master.m3u8'), 'utf8');
    expect(master).toMatch(/#EXT-X-STREAM-INF:.*RESOLUTION=320x180.*\n180p\/index\.m3u8\n/);

    const settle = Date.now() + 10_000;
    let asset: Json = {};
    while (Date.now() < settle) {
      asset = (await call('creator-studio', creator, 'GET', `/v1/creator/assets/${assetId}`)).body;
      if (asset.status === 'published') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(asset).toMatchObject({ asset_id: assetId, status: 'published', last_error: null });
  }, 120_000);

  it('rejects an upload whose title has a hard blocked term, with the rule as the reason, and publishes nothing', async () => {
    const assetId = await upload({ uploader_id: 'creator-1', title: 'How to kill time' });
    const asset = await assetState(assetId, 'rejected');
    expect(asset.last_error).toEqual({ code: 'blocked_term', message: 'moderation rejected the asset: en: kill', at: expect.any(String) });
    expect(await episodeStatus(assetId)).toBe(404);
  }, 120_000);

  it("holds an unknown creator's upload in_review until an admin approves it through the gateway; then it is published", async () => {
    const assetId = await upload({ uploader_id: 'creator-new', title: 'Shapes everywhere', summary: 'Circles and squares.' });
    await assetState(assetId, 'in_review');
    expect(await episodeStatus(assetId)).toBe(404);
    const token = await admin();
    expect((await gateway('GET', '/v1/admin/moderation/queue')).status).toBe(401);
    const queue = await gateway('GET', '/v1/admin/moderation/queue?limit=200', undefined, token);
    expect(queue.status).toBe(200);
    expect(queue.body.items.find((i: Json) => i.asset_id === assetId)).toMatchObject({
      status: 'queued',
      reason: 'creator_trust',
      creator_id: 'creator-new',
      creator_trust: 'unknown',
      title: 'Shapes everywhere',
      age_band: '6-11',
    });
    const approved = await gateway('POST', `/v1/admin/moderation/queue/${assetId}/approve`, { note: 'ok for 6-11' }, token);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ asset_id: assetId, status: 'approved', decision_note: 'ok for 6-11' });
    const again = await gateway('POST', `/v1/admin/moderation/queue/${assetId}/approve`, {}, token);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'moderation_already_decided' } } });

    await poll(
      `episode ${assetId} in catalog`,
      () => episodeStatus(assetId),
      (status) => status === 200,
      30_000,
    );
    expect((await assetState(assetId, 'published')).last_error).toBeNull();
    const audit = await gateway('GET', `/v1/admin/moderation/audit?asset_id=${assetId}`, undefined, token);
    expect(audit.body.entries.map((e: Json) => [e.action, e.actor])).toEqual([
      ['moderation.approved', approved.body.decided_by],
      ['moderation.queued', 'policy'],
    ]);
    expect(approved.body.decided_by).not.toBe('anonymous');
  }, 120_000);

  it('publishes the next upload of a creator an admin raised to trusted, and queues it again once lowered', async () => {
    const creatorId = `creator-raised-${Date.now().toString(36)}`;
    const token = await admin();
    const trust = `/v1/admin/moderation/creators/${creatorId}`;
    expect((await gateway('GET', trust, undefined, token)).body).toMatchObject({ trust_level: 'unknown', source: 'config' });
    const raised = await gateway('PUT', trust, { trust_level: 'trusted' }, token);
    expect(raised).toMatchObject({ status: 200, body: { trust_level: 'trusted', source: 'admin' } });
    const trusted = await upload({ uploader_id: creatorId, title: 'Counting shells' });
    await poll(
      `episode ${trusted} in catalog`,
      () => episodeStatus(trusted),
      (status) => status === 200,
      60_000,
    );
    await assetState(trusted, 'published');

    expect((await gateway('PUT', trust, { trust_level: 'low' }, token)).status).toBe(200);
    const lowered = await upload({ uploader_id: creatorId, title: 'Counting waves' });
    await assetState(lowered, 'in_review');
    const queue = await gateway('GET', '/v1/admin/moderation/queue?limit=200', undefined, token);
    expect(queue.body.items.find((i: Json) => i.asset_id === lowered)).toMatchObject({ reason: 'creator_trust', creator_trust: 'low' });
    const audit = await gateway('GET', `/v1/admin/moderation/audit?creator_id=${creatorId}`, undefined, token);
    expect(audit.body.entries.map((e: Json) => [e.action, e.before.trust_level, e.after.trust_level])).toEqual([
      ['moderation.trust_changed', 'trusted', 'low'],
      ['moderation.trust_changed', 'unknown', 'trusted'],
    ]);
  }, 180_000);

  it('lets an admin reject a queued upload through the gateway: the asset ends rejected with the reason', async () => {
    const assetId = await upload({ uploader_id: 'creator-new', title: 'Random clip' });
    await assetState(assetId, 'in_review');
    const token = await admin();
    const rejected = await gateway(
      'POST',
      `/v1/admin/moderation/queue/${assetId}/reject`,
      { reason: 'off_topic', message: 'Not a learning video.' },
      token,
    );
    expect(rejected).toMatchObject({ status: 200, body: { status: 'rejected', reason: 'off_topic' } });
    const asset = await assetState(assetId, 'rejected');
    expect(asset.last_error).toEqual({ code: 'off_topic', message: 'Not a learning video.', at: expect.any(String) });
    expect(await episodeStatus(assetId)).toBe(404);
    expect((await gateway('POST', `/v1/admin/moderation/queue/${assetId}/approve`, {}, token)).status).toBe(409);
  }, 120_000);
});
