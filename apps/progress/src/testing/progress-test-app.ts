import type { INestApplication } from '@nestjs/common';
import { EventPublisher, connectEventConsumers } from '@mikasmissions/messaging';
import { CHILD_OWNERSHIP, type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import type { HttpAdapterName } from '@mikasmissions/http';
import { createRedisClient } from '@mikasmissions/persistence';
import {
  baseUrl,
  bootApp,
  createContractValidator,
  deleteKeysUnder,
  TEST_EDGE_IDENTITY_KEY,
  testEnv,
  testKeyPrefix,
  testRedisUrl,
  type TestStores,
} from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { Clock } from '../time/clock';
import type { ConfiguredChildOwnership } from '../upstreams/configured-child-ownership';
import { ChildControls, type ChildControlsView } from '../upstreams/child-controls';
import { EpisodeDurations } from '../upstreams/episode-durations';
import type { MemoryChildControls } from '../upstreams/memory-child-controls';
import type { MemoryEpisodeDurations } from '../upstreams/memory-episode-durations';

/** An answer as the tests read it. */
export interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { code: string; details?: unknown } } & Record<string, unknown>;
}

const contract = createContractValidator();

/** The progress app booted for e2e tests, with its in-process upstreams, clock and helpers. */
export interface ProgressTestApp {
  app: INestApplication;
  published: Array<Record<string, unknown>>;
  episodes: MemoryEpisodeDurations;
  controls: { set(child: string, controls: Partial<ChildControlsView> & { parentUserId: string }): void };
  grant(parentUserId: string, childProfileId: string): void;
  setNow(iso: string): void;
  /** Calls the app as `identity`; every `/v1` answer is checked against the contract unless `unlisted` (a deliberate 500). */
  call(
    method: string,
    path: string,
    identity: EdgeIdentity | null,
    body?: unknown,
    headers?: Record<string, string>,
    unlisted?: boolean,
  ): Promise<Answer>;
  close(): Promise<void>;
}

/** Identities as the gateway signs them. */
export const who = {
  parent: (parentUserId: string): EdgeIdentity => ({
    role: 'parent',
    tenantId: 'default',
    requestId: `r-${parentUserId}`,
    parentUserId,
    subject: parentUserId,
  }),
  child: (parentUserId: string, childProfileId: string): EdgeIdentity => ({
    role: 'child',
    tenantId: 'default',
    requestId: `r-${childProfileId}`,
    parentUserId,
    childProfileId,
    subject: childProfileId,
  }),
  service: (): EdgeIdentity => ({ role: 'service', tenantId: 'default', requestId: 'r-service', subject: 'playback' }),
  admin: (): EdgeIdentity => ({ role: 'admin', tenantId: 'default', requestId: 'r-admin', subject: 'admin' }),
};

/**
 * Boots AppModule with `PROGRESS_UPSTREAMS=memory`, `AUTH_MODE=enforce` and the stores asked
 * for, connects its consumers, and records every `progress.updated` payload it publishes.
 * Every `/v1` answer of {@link ProgressTestApp.call} is checked against the v1 contract.
 */
export async function startProgressApp(adapter: HttpAdapterName, stores: TestStores): Promise<ProgressTestApp> {
  const app = await bootApp(AppModule, {
    adapter,
    env: testEnv(stores, { PROGRESS_UPSTREAMS: 'memory', AUTH_MODE: 'enforce' }),
    globalPrefix: 'v1',
  });
  await connectEventConsumers(app);
  const root = await baseUrl(app);
  const published: Array<Record<string, unknown>> = [];
  const publisher = app.get(EventPublisher);
  const publish = publisher.publish.bind(publisher);
  publisher.publish = (async (event, payload, options) => {
    if (event.type === 'progress.updated') published.push({ ...(payload as object) });
    return publish(event, payload as never, options);
  }) as EventPublisher['publish'];
  const clock = app.get(Clock);
  let now: Date | null = null;
  clock.now = () => now ?? new Date();
  const call = async (
    method: string,
    path: string,
    identity: EdgeIdentity | null,
    body?: unknown,
    headers: Record<string, string> = {},
    unlisted = false,
  ): Promise<Answer> => {
    const signed = identity ? signIdentity(identity, { method, path: path.split('?')[0] }, TEST_EDGE_IDENTITY_KEY) : {};
    const res = await fetch(`${root}${path}`, {
      method,
      headers: { ...signed, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : {};
    if (!unlisted && path.startsWith('/v1/') && !path.startsWith('/v1/internal/'))
      contract.assert({ method, path, status: res.status, body: parsed });
    return { status: res.status, headers: res.headers, body: parsed };
  };
  const memoryControls = app.get(ChildControls) as MemoryChildControls;
  return {
    app,
    published,
    episodes: app.get(EpisodeDurations) as MemoryEpisodeDurations,
    controls: { set: (child, controls) => memoryControls.set(child, { historyPaused: false, ...controls }) },
    grant: (parentUserId, childProfileId) => app.get<ConfiguredChildOwnership>(CHILD_OWNERSHIP).memory.grant(parentUserId, childProfileId),
    setNow: (iso) => {
      now = new Date(iso);
    },
    call,
    close: async () => {
      await app.close();
      if (!stores.includes('redis')) return;
      const redis = createRedisClient(testRedisUrl());
      await redis.connect();
      await deleteKeysUnder(redis, testKeyPrefix());
      await redis.quit();
    },
  };
}

/** Polls `read` until `done` holds (or 5 s pass), returning the last value. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
