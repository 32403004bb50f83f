import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRedisClient } from '@mikasmissions/persistence';
import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import {
  type ServiceProcesses,
  createContractValidator,
  deleteKeysUnder,
  startServices,
  TEST_EDGE_IDENTITY_KEY,
  testEnv,
  testKeyPrefix,
  testRedisUrl,
} from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { type Browser, chromium } from 'playwright-core';
import { type ClipSource, startClipSource } from './testing/clip-source';
import { type ConsentedParent, consentedParent, createChild, startPlayback } from './testing/family-session';
import { type GatewayAnswer, type Json, poll } from './testing/gateway-client';
import { type HlsPageServer, playbackFailures, startHlsPageServer, watchPlayback } from './testing/hls-page-server';

const CHROMIUM = '/usr/bin/chromium';
const APPS = [
  'identity',
  'profile',
  'billing',
  'progress',
  'catalog',
  'recommendation',
  'playback',
  'creator-studio',
  'media-pipeline',
  'moderation',
  'gateway',
];
const SCREENSHOT = resolve(__dirname, '../../../tmp/upload-to-rails-playback.png');
const CREATOR = 'creator-rails-e2e';
const contract = createContractValidator();

/** When each asset status was first seen, in ms since the upload (polled every 50 ms). */
type Timeline = Record<string, number>;

/**
 * Issue 14's "a newly uploaded clip appears in a child's rails and plays in a browser", with the
 * eleven apps as processes (AUTH_MODE=enforce, events over the real Redis under this file's prefix;
 * memory stores, then Postgres + Redis): both children's homes are read (and cached) first; a
 * creator uploads a generated 3 s clip for 6-11; ingest → transcode → moderation → publish →
 * catalog, and `episode.published` makes recommendation's cached homes stale, so the 6-11 child's
 * home shows it (polled, no fixed sleep). A second clip for 3-5, uploaded once the first is in the
 * catalog, shows in the 3-5 child's home, and that refreshed home lacks the 6-11 clip. The rail's
 * `thumbnail_url` (catalog's `MEDIA_BASE` = the gateway's `/v1/playback/media`) answers a JPEG; the
 * unsigned stream paths are refused. Headless Chromium plays the playback session's signed
 * `stream_url` with hls.js past 1 s and loads the thumbnail, cross-origin. Times are printed.
 */
describe.each(['memory', 'postgres+redis'] as const)(
  'a new upload appears in the right child’s rails and plays in a browser (11 processes on %s, Chromium + hls.js)',
  (stores) => {
    let platform: ServiceProcesses;
    let redis: Redis;
    let pages: HlsPageServer;
    let source: ClipSource;
    let browser: Browser | undefined;
    const dir = mkdtempSync(join(tmpdir(), 'mm-upload-rails-'));

    beforeAll(async () => {
      source = await startClipSource(dir);
      pages = await startHlsPageServer();
      redis = createRedisClient(testRedisUrl(), 'upload-rails-e2e');
      await redis.connect();
      platform = await startServices(
        APPS,
        (urls) =>
          testEnv(stores, {
            AUTH_MODE: 'enforce',
            LOG_LEVEL: 'warn',
            AUTHX_TRUST_PROXY: 'true',
            MESSAGING_REDIS_URL: testRedisUrl(),
            OUTBOX_RELAY_POLL_MS: '50',
            MEDIA_STORE_DIR: join(dir, 'store'),
            MEDIA_BASE: `${urls.gateway}/v1/playback/media`,
            MEDIA_PIPELINE_STAGES: 'ingest,transcode,publish',
            INGEST_ALLOW_PRIVATE_SOURCES: 'true',
            MODERATION_TRUSTED_CREATORS: CREATOR,
            GATEWAY_CORS_ORIGINS: pages.origin,
            // The rails are polled every 100 ms for up to 2 min: above the 300-a-minute default; keys in this file's namespace.
            GATEWAY_RATE_LIMIT_DEFAULT: '5000',
            GATEWAY_RATE_PREFIX: `${testKeyPrefix()}rl:`,
          }),
        180_000,
      );
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
      });
    }, 240_000);
    afterAll(async () => {
      await browser?.close();
      await platform?.stop();
      await pages?.close();
      await source?.close();
      if (redis) await deleteKeysUnder(redis, testKeyPrefix());
      await redis?.quit();
      rmSync(dir, { recursive: true, force: true });
    });

    const home = (parent: ConsentedParent, childId: string, mode: string) =>
      parent.call('GET', `/v1/kids/home?child_profile_id=${childId}&mode=${mode}`, undefined, parent.token);
    const railIds = (answer: GatewayAnswer): string[] => (answer.body.rails as Json[]).map((item) => item.episode_id as string);

    async function creatorCall(method: string, path: string, body?: Json): Promise<{ code: number; body: Json }> {
      const who: EdgeIdentity = { role: 'creator', tenantId: 'default', requestId: `r-upload-rails-${Date.now()}`, subject: CREATOR };
      const res = await fetch(`${platform.urls['creator-studio']}${path}`, {
        method,
        headers: { ...signIdentity(who, { method, path }, TEST_EDGE_IDENTITY_KEY), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as Json;
      contract.assert({ method, path, status: res.status, body: json });
      return { code: res.status, body: json };
    }

    /** Uploads the clip for `ageBand`, then follows the asset and a child's home (`inRails`) until the episode is in it; returns that home. */
    async function uploadUntilInRails(ageBand: string, title: string, inRails: () => Promise<GatewayAnswer>) {
      const started = Date.now();
      const queued = await creatorCall('POST', '/v1/creator/assets/upload', {
        source_url: source.url,
        uploader_id: CREATOR,
        title,
        summary: 'Counting to ten under the night sky.',
        show_id: `show-${ageBand}`,
        age_band: ageBand,
        learning_tags: ['counting'],
      });
      expect([queued.code, queued.body.status]).toEqual([202, 'queued']);
      const assetId = queued.body.asset_id as string;
      const timeline: Timeline = {};
      const [, rails] = await Promise.all([
        poll(
          `asset ${assetId} final`,
          async () => {
            const s = (await creatorCall('GET', `/v1/creator/assets/${assetId}`)).body.status as string;
            timeline[s] ??= Date.now() - started;
            return s;
          },
          (s) => s === 'published' || s === 'rejected' || s === 'failed',
          120_000,
          50,
        ).then((s) => {
          if (s !== 'published') throw new Error(`asset ${assetId} ended ${s}, not published`);
        }),
        poll(
          `${assetId} in the ${ageBand} child’s rails`,
          inRails,
          (a) => a.status === 200 && railIds(a).includes(assetId),
          120_000,
          100,
        ).then((answer) => ({ answer, ms: Date.now() - started })),
      ]);
      const stages = Object.entries(timeline)
        .map(([s, ms]) => `${s} ${ms} ms`)
        .join(', ');
      console.log(`[${stores}] ${ageBand} upload: ${stages}; in the child's rails ${rails.ms} ms`);
      return { assetId, home: rails.answer };
    }

    it('shows each upload to the child of its band only, serves the thumbnail, and plays it past 1 s in Chromium', async () => {
      const parent = await consentedParent(platform, contract);
      const older = await createChild(parent, 'Mika', '6-11');
      const younger = await createChild(parent, 'Lio', '3-5');
      // Both homes are computed and cached before the uploads: only episode.published can make them show a new one.
      for (const [child, mode] of [
        [older, 'core'],
        [younger, 'early'],
      ])
        await poll(
          `the cached home of ${child}`,
          () => home(parent, child, mode),
          (a) => a.headers.get('x-cache') === 'HIT',
          10_000,
        );

      const forOlder = (await uploadUntilInRails('6-11', 'Mika counts the stars', () => home(parent, older, 'core'))).assetId;
      // Uploaded once the first is in the catalog: a 3-5 home that shows it was made after the 6-11 clip was published.
      const younger35 = await uploadUntilInRails('3-5', 'Lio counts the moons', () => home(parent, younger, 'early'));
      const forYounger = younger35.assetId;
      expect(railIds(younger35.home)).toContain(forYounger);
      expect(railIds(younger35.home)).not.toContain(forOlder);
      const refused = await parent.call(
        'POST',
        '/v1/playback/sessions',
        { child_profile_id: younger, episode_id: forOlder, device_type: 'tablet' },
        parent.token,
      );
      expect([refused.status, refused.body.error.code]).toEqual([403, 'episode_not_allowed']);

      const item = ((await home(parent, older, 'core')).body.rails as Json[]).find((i) => i.episode_id === forOlder)!;
      expect(item.thumbnail_url).toBe(`${platform.urls.gateway}/v1/playback/media/episodes/${forOlder}/thumb.jpg`);
      const thumb = await fetch(item.thumbnail_url as string);
      expect([thumb.status, thumb.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
      // The rendition's unsigned URL under MEDIA_BASE (a sub-folder) is not public at the edge; a flat stream file
      // through the public media route is refused by playback: only a session's signed stream_url plays.
      const episode = await parent.call('GET', `/v1/catalog/episodes/${forOlder}`, undefined, parent.token);
      const media = `${platform.urls.gateway}/v1/playback/media/episodes/${forOlder}`;
      // the HLS master first (profile `adaptive`), then the one rendition a 320x180 source gets
      expect(episode.body.renditions).toEqual([
        { profile: 'adaptive', url: `${media}/master.m3u8`, storage_key: `episodes/${forOlder}/master.m3u8` },
        { profile: '180p', url: `${media}/180p/index.m3u8`, storage_key: `episodes/${forOlder}/180p/index.m3u8` },
      ]);
      const unsigned = await fetch(`${media}/180p/index.m3u8`);
      expect([unsigned.status, ((await unsigned.json()) as Json).error.code]).toEqual([401, 'missing_token']);
      const master = await fetch(`${media}/master.m3u8`);
      expect([master.status, ((await master.json()) as Json).error.code]).toEqual([403, 'invalid_stream_signature']);
      const forged = await parent.call('GET', `/v1/playback/media/episodes/${forOlder}/index.m3u8`);
      expect([forged.status, forged.body.error.code]).toEqual([403, 'invalid_stream_signature']);

      const session = await startPlayback(parent, older, forOlder);
      const page = await browser!.newPage();
      await page.goto(pages.pageUrl(session.stream_url as string, item.thumbnail_url as string));
      const state = await watchPlayback(page, 1.5, 45_000);
      await page.waitForFunction(() => (document.getElementById('thumb') as HTMLImageElement).complete, undefined, { timeout: 10_000 });
      const thumbWidth = await page.evaluate(() => (document.getElementById('thumb') as HTMLImageElement).naturalWidth);
      const screenshot = SCREENSHOT.replace('.png', `-${stores.replace('+', '-')}.png`);
      mkdirSync(resolve(screenshot, '..'), { recursive: true });
      await page.screenshot({ path: screenshot });
      expect(playbackFailures(state.errors)).toEqual([]);
      expect(state.time).toBeGreaterThan(1);
      expect(thumbWidth).toBeGreaterThan(0);
    }, 240_000);
  },
);
