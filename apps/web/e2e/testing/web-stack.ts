import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisClient } from '@mikasmissions/persistence';
import {
  type FakeNimProcess,
  type ServiceProcesses,
  deleteKeysUnder,
  startFakeNim,
  startServices,
  testEnv,
  testKeyPrefix,
  testRedisUrl,
} from '@mikasmissions/testing';
import type Redis from 'ioredis';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { runCloudflareBuild } from './cloudflare-worker';
import { holdPort, startNext, type WebServer } from './web-server';

/**
 * The services the parent, kids and admin pages reach through the gateway, plus the generation
 * worker and the media pipeline a workflow run goes through (tools/fake-nim is the provider).
 */
export const STACK_APPS = [
  'identity',
  'profile',
  'catalog',
  'billing',
  'progress',
  'playback',
  'recommendation',
  'admin-studio',
  'generation',
  'media-pipeline',
  'moderation',
  'gateway',
];

/** One run's world: the production web server, the services in memory mode, and Chromium. */
export interface WebStack {
  platform: ServiceProcesses;
  /** tools/fake-nim, where `nim-default` points (`NIM_BASE_URL`). */
  nim: FakeNimProcess;
  web: WebServer;
  browser: Browser;
  /** `web.origin` + `/<locale>` + path. */
  url(path: string, locale?: string): string;
  stop(): Promise<void>;
}

/**
 * Builds apps/web once (`build:cloudflare`: `next build`, strict mode, no fallbacks, then the
 * Cloudflare worker from the same `.next/`) while the services start
 * (memory stores, events over this run's Redis streams, `GATEWAY_CORS_ORIGINS` = the web
 * origin), then `next start` with `API_BASE_URL` = the gateway, then Chromium.
 * `WEB_E2E_REUSE_BUILD=1` skips the build and serves the last one (local iteration only).
 */
export async function startWebStack(): Promise<WebStack> {
  const held = await holdPort(); // the services pick free ports while it is held
  const webPort = held.port;
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const media = mkdtempSync(join(tmpdir(), 'web-e2e-media-'));
  const nim = await startFakeNim({ dir: join(media, 'nim') });
  const env = (urls: Record<string, string>) => ({
    ...baseEnv,
    // thumbnails through the gateway's public media route, the origin the CSP's img-src allows
    MEDIA_BASE: `${urls.gateway}/v1/playback/media`,
  });
  const baseEnv = testEnv('memory', {
    AUTH_MODE: 'enforce',
    LOG_LEVEL: 'warn',
    AUTHX_TRUST_PROXY: 'true',
    MESSAGING_REDIS_URL: testRedisUrl(),
    MEDIA_STORE_DIR: media,
    GATEWAY_CORS_ORIGINS: webOrigin,
    // every browser of the suite is one client IP to the gateway: each kids home loads its thumbnails
    // through it, and every suite opens and leaves kids mode through the PIN gate, so the default
    // 300/min and the strict 10/min (login, gates) per IP would answer 429 midway through the suite
    GATEWAY_RATE_LIMIT_DEFAULT: '20000',
    GATEWAY_RATE_LIMIT_STRICT: '1000',
    // one watch event may then stand for minutes of earlier watching (the demo clips last 6 s): the limit test needs it
    PROGRESS_WATCH_SLACK_MS: '300000',
    // a run's way to `published`: the fake NIM's clip is ingested from loopback, transcoded small, and
    // waits in the moderation queue until the admin decides (the page starts runs with auto_publish off,
    // so review is required; admin-studio is trusted, so that is the only rule that queues it)
    OUTBOX_RELAY_POLL_MS: '50',
    NIM_BASE_URL: nim.url,
    MEDIA_PIPELINE_STAGES: 'ingest,transcode,publish',
    INGEST_ALLOW_PRIVATE_SOURCES: 'true',
    TRANSCODE_HEIGHTS: '90',
    TRANSCODE_SEGMENT_SECONDS: '10',
    MODERATION_TRUSTED_CREATORS: 'admin-studio',
  });
  const build = process.env.WEB_E2E_REUSE_BUILD === '1' ? Promise.resolve('') : runCloudflareBuild();
  const [built, started] = await Promise.allSettled([build, startServices(STACK_APPS, env, 180_000)]);
  await held.release();
  if (started.status === 'rejected') {
    await nim.stop();
    rmSync(media, { recursive: true, force: true });
    throw started.reason;
  }
  const platform = started.value;
  if (built.status === 'rejected') {
    await platform.stop();
    await nim.stop();
    rmSync(media, { recursive: true, force: true });
    throw built.reason;
  }
  let web: WebServer | undefined;
  let browser: Browser | undefined;
  let redis: Redis | undefined;
  const stop = async () => {
    await browser?.close();
    await web?.stop();
    await platform.stop();
    await nim.stop();
    redis = createRedisClient(testRedisUrl(), 'web-e2e-cleanup');
    await redis.connect();
    await deleteKeysUnder(redis, testKeyPrefix());
    await redis.quit();
    rmSync(media, { recursive: true, force: true });
  };
  try {
    web = await startNext('start', webPort, { API_BASE_URL: platform.urls.gateway, WEB_HEARTBEAT_SEC: '2' });
    browser = await launchChromium();
  } catch (error) {
    await stop();
    throw error;
  }
  return { platform, nim, web, browser, url: (path, locale = 'en') => `${webOrigin}/${locale}${path === '/' ? '' : path}`, stop };
}
