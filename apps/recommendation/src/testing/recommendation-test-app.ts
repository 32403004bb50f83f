import type { INestApplication } from '@nestjs/common';
import type { EventDefinition } from '@mikasmissions/contracts-events';
import type { HttpAdapterName } from '@mikasmissions/http';
import { EventPublisher, connectEventConsumers } from '@mikasmissions/messaging';
import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import {
  type Answer,
  baseUrl,
  bootApp,
  closeTestApp,
  createContractCall,
  TEST_EDGE_IDENTITY_KEY,
  testEnv,
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

/** The balanced controls of a parent who restricts nothing. */
export const OPEN_CONTROLS: RecommendationControls = {
  safetyMode: 'balanced',
  approvedOnly: false,
  approvedShowIds: [],
  blockedShowIds: [],
  historyPaused: false,
};

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
  const call = createContractCall<EdgeIdentity>({
    origin: root,
    sign: (identity, target) => signIdentity(identity, target, TEST_EDGE_IDENTITY_KEY),
  });
  return {
    app,
    catalog: app.get(CatalogSource) as MemoryCatalogSource,
    features: app.get(FeaturesRepository),
    profiles: app.get(ChildProfiles) as MemoryChildProfiles,
    controls: app.get(ChildControls) as MemoryChildControls,
    publish: async (event, payload) => {
      await publisher.publish(event, payload, { tenantId: 'default' });
    },
    get: (path, identity, headers) => call('GET', path, identity, undefined, headers),
    close: () => closeTestApp(app, stores),
  };
}
