import type { INestApplication } from '@nestjs/common';
import type { MediaUploadedPayload } from '@mikasmissions/contracts-events';
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

/** An answer as the tests read it. */
export interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { code: string; message: string; details?: unknown; requestId: string } } & Record<string, unknown>;
}

/** The uploader id whose `media.uploaded` publish the harness makes fail (to prove the row rolls back with it). */
export const FAILING_UPLOADER = 'uploader-whose-publish-fails';

const contract = createContractValidator();

/** The creator-studio app booted for e2e tests, with the `media.uploaded` payloads it published. */
export interface CreatorTestApp {
  app: INestApplication;
  published: MediaUploadedPayload[];
  /** Calls the app as `identity` (a `FormData` body goes as multipart); every `/v1` answer is checked against the contract unless `unlisted`. */
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
  creator: (subject = 'creator-1'): EdgeIdentity => ({ role: 'creator', tenantId: 'default', requestId: `r-${subject}`, subject }),
  service: (): EdgeIdentity => ({ role: 'service', tenantId: 'default', requestId: 'r-service', subject: 'smoke' }),
  parent: (parentUserId = 'p1'): EdgeIdentity => ({
    role: 'parent',
    tenantId: 'default',
    requestId: 'r-parent',
    parentUserId,
    subject: parentUserId,
  }),
};

/**
 * Boots AppModule with `AUTH_MODE=enforce`, the stores asked for and `env` on top, and records every
 * `media.uploaded` payload it publishes (a publish for {@link FAILING_UPLOADER} throws).
 */
export async function startCreatorApp(
  adapter: HttpAdapterName,
  stores: TestStores,
  env: Record<string, string> = {},
): Promise<CreatorTestApp> {
  const app = await bootApp(AppModule, { adapter, env: testEnv(stores, { AUTH_MODE: 'enforce', ...env }), globalPrefix: 'v1' });
  await connectEventConsumers(app);
  const root = await baseUrl(app);
  const published: MediaUploadedPayload[] = [];
  const publisher = app.get(EventPublisher);
  const publish = publisher.publish.bind(publisher);
  publisher.publish = (async (event, payload, options) => {
    if (event.type === 'media.uploaded') {
      const uploaded = payload as MediaUploadedPayload;
      if (uploaded.creatorId === FAILING_UPLOADER) throw new Error('outbox write failed (test)');
      published.push({ ...uploaded });
    }
    return publish(event, payload as never, options);
  }) as EventPublisher['publish'];
  const call: CreatorTestApp['call'] = async (method, path, identity, body, headers = {}, unlisted = false) => {
    const signed = identity ? signIdentity(identity, { method, path: path.split('?')[0] }, TEST_EDGE_IDENTITY_KEY) : {};
    const form = body instanceof FormData;
    const res = await fetch(`${root}${path}`, {
      method,
      headers: { ...signed, ...headers, ...(body === undefined || form ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : form || typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : {};
    if (!unlisted && path.startsWith('/v1/')) contract.assert({ method, path, status: res.status, body: parsed });
    return { status: res.status, headers: res.headers, body: parsed };
  };
  return {
    app,
    published,
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
