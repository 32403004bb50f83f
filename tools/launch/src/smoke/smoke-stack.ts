import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteKeysUnder, redisPrefixEnv, type ServiceProcesses, startServices } from '@mikasmissions/testing';
import Redis from 'ioredis';
import { DEV_ADMIN } from './flows/creator-session';

/** The gateway a smoke talks to: one already up at `GATEWAY_URL`, or a stack this run started (and stops). */
export interface SmokeStack {
  gatewayUrl: string;
  started: boolean;
  /** The consent code identity sent to `email` (started stack: its console; else `SMOKE_IDENTITY_LOG`), if readable. */
  consentCode(email: string): Promise<string | undefined>;
  consentHint: string;
  /** What each started app printed so far (empty for a stack someone else runs). */
  outputs(): Record<string, string>;
  /** Started stack with events over Redis: where its event streams are (`<prefix>events:{<type>}`), for a bench reading event times. */
  events?: { redisUrl: string; streamPrefix: string };
  /** Started stack: where each app listens. */
  urls?: Record<string, string>;
  stop(): Promise<void>;
}

/** What a flow adds to a started stack: environment for every app, and apps pinned to ports (the rest get free ones). */
export interface StackOptions {
  env?: Record<string, string>;
  ports?: Record<string, number>;
}

/** Whether `GET <url>/health` answers 2xx within `timeoutMs`. */
export async function gatewayUp(url: string, timeoutMs = 2_000): Promise<boolean> {
  return fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) }).then(
    (r) => r.ok,
    () => false,
  );
}

const codePattern = (email: string) => new RegExp(`email code for ${email.replace(/[.+]/g, '\\$&')} \\(tenant [^)]*\\): (\\d{6})`, 'g');

/** The newest consent code for `email` in `text` (identity's console sender lines). */
export function lastCodeIn(text: string, email: string): string | undefined {
  return [...text.matchAll(codePattern(email))].at(-1)?.[1];
}

/** Polls `read()` for a code for `email` for up to `timeoutMs`. */
async function waitForCode(read: () => string, email: string, timeoutMs = 5_000): Promise<string | undefined> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const code = lastCodeIn(read(), email);
    if (code || Date.now() > end) return code;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const HINT =
  'the gateway at GATEWAY_URL was already running, so identity’s console is not ours to read: set SMOKE_IDENTITY_LOG to a file holding identity’s output ' +
  '(e.g. `pnpm run dev:local 2>&1 | tee /tmp/dev-local.log`), or SMOKE_PARENT_EMAIL / SMOKE_PARENT_PASSWORD for a parent who already consented, or stop that gateway so the smoke starts its own stack';

/** A stack someone else runs at `url`. */
export function externalStack(url: string, env: NodeJS.ProcessEnv): SmokeStack {
  const log = env.SMOKE_IDENTITY_LOG?.trim();
  return {
    gatewayUrl: url,
    started: false,
    consentCode: async (email) => (log ? waitForCode(() => (existsSync(log) ? readFileSync(log, 'utf8') : ''), email) : undefined),
    consentHint: HINT,
    outputs: () => ({}),
    stop: async () => undefined,
  };
}

/** A Redis answering PING at `url` within 500 ms, for events between the started processes. */
async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 500,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/**
 * The stores of a started stack: memory, or with `STACK_PERSISTENCE=postgres` the Postgres at
 * `DATABASE_URL` (migrated first: `pnpm run migrate`) and the Redis at `REDIS_URL` (default the
 * events Redis), with the dev admin bootstrapped (memory mode has it built in).
 */
function storesEnv(env: NodeJS.ProcessEnv, redisUrl: string): { vars: Record<string, string>; label: string } {
  const mode = env.STACK_PERSISTENCE?.trim() || 'memory';
  if (mode === 'memory') return { vars: { PERSISTENCE_MODE: 'memory' }, label: 'memory mode' };
  if (mode !== 'postgres') throw new Error(`STACK_PERSISTENCE must be memory or postgres, got "${mode}"`);
  const database = env.DATABASE_URL?.trim();
  if (!database) throw new Error('STACK_PERSISTENCE=postgres needs DATABASE_URL (a database migrated with pnpm run migrate)');
  const vars = {
    PERSISTENCE_MODE: 'auto',
    DATABASE_URL: database,
    REDIS_URL: env.REDIS_URL?.trim() || redisUrl,
    ADMIN_BOOTSTRAP_EMAIL: env.SMOKE_ADMIN_EMAIL?.trim() || DEV_ADMIN.email,
    ADMIN_BOOTSTRAP_PASSWORD: env.SMOKE_ADMIN_PASSWORD || DEV_ADMIN.password,
    OUTBOX_RELAY_POLL_MS: '100',
  };
  return { vars, label: `Postgres + Redis mode (${new URL(database).pathname.slice(1)})` };
}

/**
 * Starts `apps` as real processes in memory mode (libs/testing `startServices`, what dev:local
 * runs) with AUTH_MODE=enforce and a fresh secret per run. Events cross processes over the
 * Redis at `SMOKE_REDIS_URL` (default 127.0.0.1:6379) under a per-run prefix that is deleted at
 * stop; without a Redis they stay in-process (no trial at consent, so the family flow fails).
 */
export async function startSmokeStack(
  apps: readonly string[],
  env: NodeJS.ProcessEnv,
  say: (line: string) => void,
  options: StackOptions = {},
): Promise<SmokeStack> {
  const runId = `smoke:${Date.now().toString(36)}-${process.pid}:`;
  const redisUrl = env.SMOKE_REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  const events: Record<string, string> = (await redisAnswers(redisUrl)) ? { MESSAGING_REDIS_URL: redisUrl, ...redisPrefixEnv(runId) } : {};
  say(
    events.MESSAGING_REDIS_URL
      ? `events over Redis ${redisUrl} (keys ${runId}*, deleted at the end)`
      : `no Redis at ${redisUrl}: events stay in-process (no trial at consent)`,
  );
  const stores = storesEnv(env, redisUrl);
  const media = mkdtempSync(join(tmpdir(), 'smoke-media-'));
  const stackEnv = {
    NODE_ENV: 'development',
    ...stores.vars,
    AUTH_MODE: 'enforce',
    AUTHX_TRUST_PROXY: 'true',
    LOG_LEVEL: env.SMOKE_LOG_LEVEL ?? 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    EDGE_IDENTITY_KEY: randomBytes(32).toString('hex'),
    MEDIA_STORE_DIR: media,
    ...events,
    ...options.env,
  };
  const t0 = Date.now();
  say(`starting ${apps.length} apps in ${stores.label} (AUTH_MODE=enforce): ${apps.join(', ')}`);
  const ticker = setInterval(() => say(`… still starting (${Math.round((Date.now() - t0) / 1000)} s)`), 15_000);
  let platform: ServiceProcesses;
  try {
    platform = await startServices(apps, stackEnv, Number(env.SMOKE_START_TIMEOUT_MS ?? 180_000), options.ports);
  } catch (error) {
    rmSync(media, { recursive: true, force: true });
    throw error;
  } finally {
    clearInterval(ticker);
  }
  say(`stack up in ${((Date.now() - t0) / 1000).toFixed(1)} s: gateway ${platform.urls.gateway}`);
  return {
    gatewayUrl: platform.urls.gateway,
    started: true,
    consentCode: (email) => waitForCode(() => platform.output('identity'), email),
    consentHint: 'identity printed no code (see its output above)',
    outputs: () => Object.fromEntries(apps.map((app) => [app, platform.output(app)])),
    urls: platform.urls,
    ...(events.MESSAGING_REDIS_URL ? { events: { redisUrl, streamPrefix: events.MESSAGING_STREAM_PREFIX } } : {}),
    stop: async () => {
      await platform.stop();
      rmSync(media, { recursive: true, force: true });
      if (events.MESSAGING_REDIS_URL) {
        const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
        await deleteKeysUnder(redis, runId).catch(() => undefined);
        redis.disconnect();
      }
    },
  };
}

/** `GATEWAY_URL` (default http://localhost:8080) without a trailing slash. */
export function gatewayUrlFrom(env: NodeJS.ProcessEnv): string {
  return (env.GATEWAY_URL?.trim() || 'http://localhost:8080').replace(/\/+$/, '');
}

/**
 * The gateway at `GATEWAY_URL` when its /health answers; otherwise a stack of `apps` started
 * here ({@link startSmokeStack}), or `undefined` when `SMOKE_START_STACK=false`.
 */
export async function openStack(
  apps: readonly string[],
  env: NodeJS.ProcessEnv,
  say: (line: string) => void,
  startAllowed: boolean,
  options: StackOptions = {},
): Promise<SmokeStack | undefined> {
  const url = gatewayUrlFrom(env);
  if (await gatewayUp(url)) {
    say(`gateway up at ${url}: using it (not starting a stack)`);
    return externalStack(url, env);
  }
  if (!startAllowed) return undefined;
  say(`no gateway at ${url}: starting a local stack`);
  return startSmokeStack(apps, env, say, options);
}
