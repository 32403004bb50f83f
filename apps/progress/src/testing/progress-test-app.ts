import type { INestApplication } from '@nestjs/common';
import { EventPublisher, connectEventConsumers } from '@mikasmissions/messaging';
import { CHILD_OWNERSHIP, type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import type { HttpAdapterName } from '@mikasmissions/http';
import {
  baseUrl,
  bootApp,
  closeTestApp,
  type ContractCall,
  createContractCall,
  TEST_EDGE_IDENTITY_KEY,
  testEnv,
  type TestStores,
  who as sharedWho,
} from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { Clock } from '../time/clock';
import type { ConfiguredChildOwnership } from '../upstreams/configured-child-ownership';
import { ChildControls, type ChildControlsView } from '../upstreams/child-controls';
import { EpisodeDurations } from '../upstreams/episode-durations';
import type { MemoryChildControls } from '../upstreams/memory-child-controls';
import type { MemoryEpisodeDurations } from '../upstreams/memory-episode-durations';

/** The progress app booted for e2e tests, with its in-process upstreams, clock and helpers. */
export interface ProgressTestApp {
  app: INestApplication;
  published: Array<Record<string, unknown>>;
  episodes: MemoryEpisodeDurations;
  controls: { set(child: string, controls: Partial<ChildControlsView> & { parentUserId: string }): void };
  grant(parentUserId: string, childProfileId: string): void;
  setNow(iso: string): void;
  /** Calls the app as `identity`; every `/v1` answer is checked against the contract unless `unlisted` (a deliberate 500). */
  call: ContractCall<EdgeIdentity>;
  close(): Promise<void>;
}

/** Identities as the gateway signs them; the service caller is playback, as in production. */
export const who = { ...sharedWho, service: () => sharedWho.service('playback') };

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
  const call = createContractCall<EdgeIdentity>({
    origin: root,
    sign: (identity, target) => signIdentity(identity, target, TEST_EDGE_IDENTITY_KEY),
  });
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
    close: () => closeTestApp(app, stores),
  };
}
