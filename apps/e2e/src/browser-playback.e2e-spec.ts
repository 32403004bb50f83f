import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRedisClient } from '@mikasmissions/persistence';
import {
  type ServiceProcesses,
  createContractValidator,
  deleteKeysUnder,
  startServices,
  testEnv,
  testKeyPrefix,
  testRedisUrl,
} from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { type Browser, chromium } from 'playwright-core';
import { startDemoSession } from './testing/family-session';
import { type HlsPageServer, playbackFailures, startHlsPageServer, watchPlayback } from './testing/hls-page-server';

const CHROMIUM = '/usr/bin/chromium';
const APPS = ['identity', 'profile', 'catalog', 'billing', 'progress', 'playback', 'gateway'];
const SCREENSHOT = resolve(__dirname, '../../../tmp/browser-playback.png');

/**
 * Issue 12's "a demo episode plays in a browser": the seven dev:local apps as processes, a
 * playback session for `ep-demo-1` through the gateway, then headless Debian Chromium (driven by
 * playwright-core) opens a page on another origin that plays the signed `stream_url` with
 * hls.js — so CORS (`GATEWAY_CORS_ORIGINS`), the signed playlist and every signed segment are
 * what a real browser sees. Needs /usr/bin/chromium (`.ci/run` installs it).
 */
describe('a demo episode plays in a browser from its stream_url (Chromium + hls.js through the gateway)', () => {
  let platform: ServiceProcesses;
  let redis: Redis;
  let pages: HlsPageServer;
  let browser: Browser | undefined;
  const media = mkdtempSync(join(tmpdir(), 'browser-media-'));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
    pages = await startHlsPageServer();
    redis = createRedisClient(testRedisUrl(), 'browser-playback-e2e');
    await redis.connect();
    const env = testEnv('memory', {
      AUTH_MODE: 'enforce',
      LOG_LEVEL: 'warn',
      AUTHX_TRUST_PROXY: 'true',
      MESSAGING_REDIS_URL: testRedisUrl(),
      MEDIA_STORE_DIR: media,
      GATEWAY_CORS_ORIGINS: pages.origin,
    });
    platform = await startServices(APPS, env, 120_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await pages?.close();
    if (redis) await deleteKeysUnder(redis, testKeyPrefix());
    await redis?.quit();
    rmSync(media, { recursive: true, force: true });
  });

  it('plays past 1 s with no HLS error, every request going to the gateway; a tampered signature or an origin not allowed plays nothing', async () => {
    const { session } = await startDemoSession(platform, createContractValidator());
    const streamUrl = new URL(session.stream_url as string);
    expect(streamUrl.origin).toBe(platform.urls.gateway);

    const page = await browser!.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pages.pageUrl(streamUrl.href));
    // hls.js reports the stalls it recovers from itself (a nudge over a buffer hole on a slow machine) as non-fatal
    // errors; playback only failed when an error is fatal or not one of those recoveries.
    const state = await watchPlayback(page, 1);
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(playbackFailures(state.errors)).toEqual([]);
    expect(state.time).toBeGreaterThan(1);
    const media = requests.filter((u) => /^https?:/.test(u) && !u.startsWith(pages.origin)); // blob: is hls.js's MediaSource
    expect(media.some((u) => /\/index\.m3u8\?/.test(u))).toBe(true);
    expect(media.some((u) => /\/seg-000\.ts\?exp=\d+&sig=/.test(u))).toBe(true);
    expect(media.filter((u) => !u.startsWith(`${platform.urls.gateway}/v1/playback/streams/${session.playback_session_id}/`))).toEqual([]);

    // the same page with a tampered signature: the playlist is refused (403) and nothing plays
    const tampered = new URL(streamUrl.href);
    tampered.searchParams.set('sig', 'AAAA');
    const refused = await browser!.newPage();
    await refused.goto(pages.pageUrl(tampered.href));
    await refused.waitForFunction(() => (window as unknown as { hlsErrors: string[] }).hlsErrors.length > 0, undefined, {
      timeout: 15_000,
    });
    const after = await refused.evaluate(() => ({
      time: (document.getElementById('v') as HTMLVideoElement).currentTime,
      errors: (window as unknown as { hlsErrors: string[] }).hlsErrors,
    }));
    expect(after.errors[0]).toMatch(/^networkError:manifestLoadError/);
    expect(after.time).toBe(0);

    // a page on an origin GATEWAY_CORS_ORIGINS does not list: the browser refuses the answers
    const stranger = await startHlsPageServer();
    try {
      const blocked = await browser!.newPage();
      await blocked.goto(stranger.pageUrl(streamUrl.href));
      await blocked.waitForFunction(() => (window as unknown as { hlsErrors: string[] }).hlsErrors.length > 0, undefined, {
        timeout: 15_000,
      });
      const refusedErrors = await blocked.evaluate(() => (window as unknown as { hlsErrors: string[] }).hlsErrors);
      expect(refusedErrors[0]).toMatch(/^networkError:manifestLoadError/);
    } finally {
      await stranger.close();
    }
  }, 120_000);
});
