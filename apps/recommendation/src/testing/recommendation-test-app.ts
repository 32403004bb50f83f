import type { INestApplication } from '@nestjs/common';
import type { EventDefinition } from '@mikasmissions/contracts-events';
import type { HttpAdapterName } from '@mikasmissions/http';
import { EventPublisher, connectEventConsumers } from '@mikasmissions/messaging';
import { createRedisClient } from '@mikasmissions/persistence';
import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
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
import { FeaturesRepository } from '../features/features.repository';
import { CatalogSource } from '../upstreams/catalog-source';
import { ChildControls, type RecommendationControls } from '../upstreams/child-controls';
import { ChildProfiles } from '../upstreams/child-profiles';
import type { MemoryCatalogSource } from '../upstreams/memory-catalog-source';
import type { MemoryChildControls } from '../upstreams/memory-child-controls';
import type { MemoryChildProfiles } from '../upstreams/memory-child-profiles';

/** An answer as the tests read it. */
export interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { code: string; details?: unknown } } & Record<string, unknown>;
}

/** The balanced controls of a parent who restricts nothing. */
export const OPEN_CONTROLS: RecommendationControls = {
  safetyMode: 'balanced',
  approvedOnly: false,
  approvedShowIds: [],
  blockedShowIds: [],
  historyPaused: false,
};

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
  service: (): EdgeIdentity => ({ role: 'service', tenantId: 'default', requestId: 'r-service', subject: 'service:gateway' }),
  admin: (): EdgeIdentity => ({ role: 'admin', tenantId: 'default', requestId: 'r-admin', subject: 'admin' }),
};

const contract = createContractValidator();

/** The recommendation app booted for e2e tests, with its in-process upstreams. */
export interface RecommendationTestApp {
  app: INestApplication;
  catalog: MemoryCatalogSource;
  /** The app's features store (Postgres or memory), to wait for consumers. */
  features: FeaturesRepository;
  profiles: MemoryChildProfiles;
  controls: MemoryChildControls;
  /** Publishes an event as its owner would (outbox → relay → stream, or the in-process bus). */
  publish<P extends object>(event: EventDefinition<P>, payload: P): Promise<void>;
  /** Calls a route with a signed identity; every `/v1` answer is checked against the contract. */
  get(path: string, identity: EdgeIdentity | null, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

/** Boots AppModule with `RECOMMENDATION_UPSTREAMS=memory`, `AUTH_MODE=enforce` and the stores asked for, and connects its consumers. */
export async function startRecommendationApp(
  adapter: HttpAdapterName,
  stores: TestStores,
  extra: Record<string, string> = {},
): Promise<RecommendationTestApp> {
  const env = testEnv(stores, { RECOMMENDATION_UPSTREAMS: 'memory', AUTH_MODE: 'enforce', OUTBOX_RELAY_POLL_MS: '50', ...extra });
  const app = await bootApp(AppModule, { adapter, env, globalPrefix: 'v1' });
  await connectEventConsumers(app);
  const root = await baseUrl(app);
  const publisher = app.get(EventPublisher);
  return {
    app,
    catalog: app.get(CatalogSource) as MemoryCatalogSource,
    features: app.get(FeaturesRepository),
    profiles: app.get(ChildProfiles) as MemoryChildProfiles,
    controls: app.get(ChildControls) as MemoryChildControls,
    publish: async (event, payload) => {
      await publisher.publish(event, payload, { tenantId: 'default' });
    },
    get: async (path, identity, headers = {}) => {
      const signed = identity ? signIdentity(identity, { method: 'GET', path: path.split('?')[0] }, TEST_EDGE_IDENTITY_KEY) : {};
      const res = await fetch(`${root}${path}`, { headers: { ...signed, ...headers } });
      const text = await res.text();
      const body = text ? JSON.parse(text) : {};
      if (path.startsWith('/v1/') && !/^\/v1\/(health|ready)\b/.test(path))
        contract.assert({ method: 'GET', path, status: res.status, body });
      return { status: res.status, headers: res.headers, body };
    },
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

/** Polls `read` until `done` holds (or `timeoutMs` pass), returning the last value. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
