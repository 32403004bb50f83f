import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { HttpAdapterName } from '@mikasmissions/http';
import { signIdentity, type EdgeIdentity } from '@mikasmissions/service-identity';
import {
  baseUrl,
  bootApp,
  createContractValidator,
  startFaultProxy,
  TEST_EDGE_IDENTITY_KEY,
  testEnv,
  type FaultProxy,
  type TestStores,
} from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { startFamilyStub, stubEpisode, OPEN_CONTROLS, type FamilyStub, type StubControls } from './family-stub';
import { writeHlsClip } from './hls-clip';

/** The signing key of the test apps' stream URLs. */
export const TEST_PLAYBACK_SIGNING_KEY = 'test-playback-signing-key-that-is-long-enough-01';

/** A caller: the gateway-signed identity a request carries, or none. */
export type Caller = Omit<EdgeIdentity, 'tenantId' | 'requestId'> | null;

/** An answer, with its JSON body (or text) and headers. */
export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
  body: any;
  text: string;
  headers: Headers;
}

/** A booted playback app wired to a {@link FamilyStub} (billing behind a fault proxy) and a temp media store with a real HLS clip of `ep-1`. */
export interface PlaybackHarness {
  app: INestApplication;
  /** `http://127.0.0.1:<port>` (no prefix). */
  origin: string;
  stub: FamilyStub;
  billing: FaultProxy;
  mediaDir: string;
  /** Sends a request as `caller` and checks any /v1 JSON answer against the contract. */
  call(method: string, path: string, caller: Caller, body?: unknown): Promise<Answer>;
  /** Adds a child of `parent` with open controls (tweak with `controls`), an active trial, and returns its id. */
  family(
    label: string,
    opts?: { controls?: Partial<StubControls>; ageBand?: string; entitled?: boolean },
  ): { child: string; parent: string };
  close(): Promise<void>;
}

const contract = createContractValidator();
let seq = 0;

/** Boots the harness; `env` overrides the playback variables. */
export async function startPlaybackHarness(
  adapter: HttpAdapterName,
  stores: TestStores,
  env: Record<string, string> = {},
): Promise<PlaybackHarness> {
  const stub = await startFamilyStub();
  const billing = await startFaultProxy({ host: '127.0.0.1', port: stub.port });
  const mediaDir = await mkdtemp(join(tmpdir(), 'mm-playback-media-'));
  await writeHlsClip(mediaDir, 'ep-1');
  stub.state.episodes.set('ep-1', stubEpisode('ep-1'));
  const app = await bootApp(AppModule, {
    adapter,
    globalPrefix: 'v1',
    env: testEnv(stores, {
      IDENTITY_URL: stub.url,
      PROFILE_URL: stub.url,
      CATALOG_URL: stub.url,
      PROGRESS_URL: stub.url,
      BILLING_URL: billing.url(stub.url),
      MEDIA_STORE_DIR: mediaDir,
      PLAYBACK_SIGNING_KEY: TEST_PLAYBACK_SIGNING_KEY,
      PLAYBACK_ENTITLEMENT_CACHE_MS: '0',
      PLAYBACK_BREAKER_OPEN_MS: '1000',
      SERVICE_CLIENT_TIMEOUT_MS: '1000',
      ...env,
    }),
  });
  const origin = await baseUrl(app);

  const call: PlaybackHarness['call'] = async (method, path, caller, body) => {
    const requestId = `req-${process.pid}-${++seq}`;
    const headers: Record<string, string> = { 'x-request-id': requestId };
    if (caller)
      Object.assign(
        headers,
        signIdentity({ ...caller, tenantId: 'default', requestId }, { method, path: path.split('?')[0] }, TEST_EDGE_IDENTITY_KEY),
      );
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
    const parsed = isJson && text ? JSON.parse(text) : undefined;
    if (path.startsWith('/v1/')) contract.assert({ method, path, status: res.status, body: isJson ? parsed : undefined });
    return { status: res.status, body: parsed, text, headers: res.headers };
  };

  const family: PlaybackHarness['family'] = (label, opts = {}) => {
    const unique = `${label}-${Date.now().toString(36)}${(++seq).toString(36)}`;
    const child = `kid-${unique}`;
    const parent = `parent-${unique}`;
    stub.state.profiles.set(child, { parent_user_id: parent, age_band: opts.ageBand ?? '6-11' });
    stub.state.controls.set(child, { ...OPEN_CONTROLS, ...opts.controls });
    if (opts.entitled !== false) stub.state.entitlements.set(child, { parent_user_id: parent, plan: 'trial', active: true });
    return { child, parent };
  };

  return {
    app,
    origin,
    stub,
    billing,
    mediaDir,
    call,
    family,
    async close() {
      await app.close();
      await billing.close();
      await stub.close();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}

/** A parent caller. */
export const asParent = (parentUserId: string): Caller => ({ role: 'parent', parentUserId, subject: parentUserId });

/** A child caller (with its parent, as the gateway signs it). */
export const asChild = (childProfileId: string, parentUserId: string): Caller => ({
  role: 'child',
  childProfileId,
  parentUserId,
  subject: childProfileId,
});
