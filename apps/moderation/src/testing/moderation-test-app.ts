import type { INestApplication } from '@nestjs/common';
import type { MediaTranscodedPayload } from '@mikasmissions/contracts-events';
import { MediaTranscoded } from '@mikasmissions/contracts-events';
import type { HttpAdapterName } from '@mikasmissions/http';
import { connectEventConsumers, EventPublisher } from '@mikasmissions/messaging';
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the contract validator checks their shape
type Json = Record<string, any>;

/** An answer as the tests read it. */
export interface Answer {
  status: number;
  body: Json;
}

/** One event the app published (recorded when it was written to the outbox). */
export interface Published {
  type: string;
  payload: Json;
  tenantId?: string;
}

/** The creator the test app trusts (`MODERATION_TRUSTED_CREATORS`). */
export const TRUSTED_CREATOR = 'creator-trusted';

const contract = createContractValidator();

/** Identities as the gateway signs them. */
export const who = {
  admin: (subject = 'admin-1'): EdgeIdentity => ({ role: 'admin', tenantId: 'default', requestId: `r-${subject}`, subject }),
  parent: (): EdgeIdentity => ({ role: 'parent', tenantId: 'default', requestId: 'r-parent', parentUserId: 'p1', subject: 'p1' }),
};

/** A `media.transcoded` payload of a clean 3-second asset by the trusted creator. */
export const transcoded = (assetId: string, overrides: Partial<MediaTranscodedPayload> = {}): MediaTranscodedPayload => ({
  assetId,
  episodeId: assetId,
  creatorId: TRUSTED_CREATOR,
  durationMs: 3_000,
  renditions: [{ profile: '360p', storageKey: `episodes/${assetId}/360p/index.m3u8`, width: 640, height: 360 }],
  thumbnailKey: `episodes/${assetId}/thumb.jpg`,
  title: 'Counting stars',
  summary: 'Mika counts to ten.',
  showId: 'show-stars',
  ageBand: '6-11',
  learningTags: ['counting'],
  ...overrides,
});

/** The moderation app booted for e2e tests (AUTH_MODE=enforce), with the events it published. */
export interface ModerationTestApp {
  app: INestApplication;
  published: Published[];
  /** Publishes `media.transcoded` as transcode would (tenant `default`). */
  transcoded(payload: MediaTranscodedPayload): Promise<void>;
  /** The events published for an asset, once at least `count` are there (or after `waitMs`, default 15 s). */
  eventsOf(assetId: string, count: number, waitMs?: number): Promise<Published[]>;
  /**
   * The asset's entry in the admin queue, once it is listed (or `undefined` after `waitMs`, default
   * 10 s): the events are recorded when written to the outbox, before the review's transaction commits.
   */
  queueItem(assetId: string, waitMs?: number): Promise<Json | undefined>;
  /** The asset's audit entries, once there are at least `count` (or what there is after 10 s); committed like {@link queueItem}. */
  auditOf(assetId: string, count: number): Promise<Json[]>;
  /** Calls the app as `identity`; every answer is checked against the v1 contract. */
  call(method: string, path: string, identity: EdgeIdentity | null, body?: unknown): Promise<Answer>;
  close(): Promise<void>;
}

/** Boots AppModule on `adapter` with `stores` and its event consumers. */
export async function startModerationApp(
  adapter: HttpAdapterName,
  stores: TestStores,
  env: Record<string, string> = {},
): Promise<ModerationTestApp> {
  const app = await bootApp(AppModule, {
    adapter,
    env: testEnv(stores, { AUTH_MODE: 'enforce', MODERATION_TRUSTED_CREATORS: TRUSTED_CREATOR, OUTBOX_RELAY_POLL_MS: '50', ...env }),
    globalPrefix: 'v1',
  });
  await connectEventConsumers(app);
  const root = await baseUrl(app);
  const published: Published[] = [];
  const publisher = app.get(EventPublisher);
  const publish = publisher.publish.bind(publisher);
  publisher.publish = (async (event, payload, options) => {
    const envelope = await publish(event, payload as never, options);
    if (event.type !== 'media.transcoded')
      published.push({ type: event.type, payload: structuredClone(payload) as Json, tenantId: envelope.tenantId });
    return envelope;
  }) as EventPublisher['publish'];
  const eventsOf: ModerationTestApp['eventsOf'] = async (assetId, count, waitMs = 15_000) => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const found = published.filter((e) => e.payload.assetId === assetId);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const call: ModerationTestApp['call'] = async (method, path, identity, body) => {
    const signed = identity ? signIdentity(identity, { method, path: path.split('?')[0] }, TEST_EDGE_IDENTITY_KEY) : {};
    const res = await fetch(`${root}${path}`, {
      method,
      headers: { ...signed, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as Json) : {};
    contract.assert({ method, path, status: res.status, body: parsed });
    return { status: res.status, body: parsed };
  };
  const queueItem: ModerationTestApp['queueItem'] = async (assetId, waitMs = 10_000) => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const queue = await call('GET', '/v1/admin/moderation/queue?limit=200', who.admin());
      const item = (queue.body.items as Json[] | undefined)?.find((i) => i.asset_id === assetId);
      if (item || Date.now() > deadline) return item;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const auditOf: ModerationTestApp['auditOf'] = async (assetId, count) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const entries = ((await call('GET', `/v1/admin/moderation/audit?asset_id=${assetId}`, who.admin())).body.entries ?? []) as Json[];
      if (entries.length >= count || Date.now() > deadline) return entries;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    app,
    published,
    queueItem,
    auditOf,
    transcoded: async (payload) => void (await publish(MediaTranscoded, payload, { tenantId: 'default', aggregateId: payload.assetId })),
    eventsOf,
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
