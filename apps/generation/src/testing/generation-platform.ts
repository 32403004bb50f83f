import type { INestApplication } from '@nestjs/common';
import type { EventDefinition } from '@mikasmissions/contracts-events';
import { connectEventConsumers, EventPublisher } from '@mikasmissions/messaging';
import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import {
  ADAPTERS,
  bootApp,
  createContractValidator,
  type FakeNimProcess,
  redisPrefixEnv,
  type ServiceProcesses,
  startFakeNim,
  startServices,
  TEST_EDGE_IDENTITY_KEY,
  testEnv,
  testRedisUrl,
  uniquePrefix,
} from '@mikasmissions/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../app.module';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the contract validator checks their shape
export type Json = Record<string, any>;
/** One event the in-process generation worker published. */
export type Published = { type: string; payload: Json; at: number };

const contract = createContractValidator();
let sequence = 0;

/** Where generation tests run: memory stores with events over the real Redis, or Postgres + Redis. */
export type GenerationStores = 'memory' | 'postgres';

/**
 * The generation worker in this process (so its published events can be read), admin-studio, the
 * media pipeline (`ingest,transcode,publish`) and moderation (the generation creator
 * `admin-studio` trusted, so only `reviewRequired` queues) as real processes, and tools/fake-nim as a
 * process; events cross them over the real Redis under a fresh prefix. `call` signs admin
 * identities like the gateway and checks every `/v1` answer against the contract.
 */
export async function startGenerationPlatform(stores: GenerationStores, extra: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'mm-generation-'));
  const nim: FakeNimProcess = await startFakeNim({ dir: join(dir, 'nim') });
  const base = testEnv(stores === 'memory' ? 'memory' : 'postgres+redis', {
    ...redisPrefixEnv(uniquePrefix(`gen-${stores}`)),
    ...(stores === 'memory' ? { MESSAGING_REDIS_URL: testRedisUrl() } : {}),
    AUTH_MODE: 'enforce',
    LOG_LEVEL: 'warn',
    OUTBOX_RELAY_POLL_MS: '50',
    NIM_BASE_URL: nim.url,
  });
  let platform: ServiceProcesses | undefined;
  let app: INestApplication | undefined;
  try {
    platform = await startServices(
      ['admin-studio', 'media-pipeline', 'moderation'],
      {
        ...base,
        MEDIA_PIPELINE_STAGES: 'ingest,transcode,publish',
        MEDIA_STORE_DIR: join(dir, 'store'),
        INGEST_ALLOW_PRIVATE_SOURCES: 'true',
        TRANSCODE_HEIGHTS: '90',
        TRANSCODE_SEGMENT_SECONDS: '10',
        MODERATION_TRUSTED_CREATORS: 'admin-studio',
      },
      120_000,
    );
    app = await bootApp(AppModule, {
      adapter: ADAPTERS[0],
      env: {
        ...base,
        ADMIN_STUDIO_URL: platform.urls['admin-studio'],
        GENERATION_RETRY_BASE_MS: '50',
        MESSAGING_RETRY_BASE_MS: '50',
        ...extra,
      },
      globalPrefix: 'generation',
    });
  } catch (error) {
    await platform?.stop();
    await nim.stop();
    throw error;
  }
  await connectEventConsumers(app);
  const published: Published[] = [];
  const publisher = app.get(EventPublisher);
  const publish = publisher.publish.bind(publisher);
  publisher.publish = (async (event: EventDefinition, payload: object, options) => {
    const envelope = await publish(event, payload as never, options);
    published.push({ type: event.type, payload: { ...(payload as Json) }, at: Date.now() });
    return envelope;
  }) as EventPublisher['publish'];

  const adminUrl = platform.urls['admin-studio'];
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const who: EdgeIdentity = { role: 'admin', tenantId: 'default', requestId: `gen-test-${++sequence}`, subject: 'admin-gen' };
    const headers: Record<string, string> = { ...signIdentity(who, { method, path }, TEST_EDGE_IDENTITY_KEY) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${adminUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const json = (text ? JSON.parse(text) : undefined) as Json;
    contract.assert({ method, path, status: res.status, body: json });
    return { status: res.status, body: json };
  };

  /** A model profile `id` (fake NIM, kids-strict) with `overrides`, and a workflow that uses it; returns the workflow id. */
  const workflowWith = async (id: string, overrides: Json = {}): Promise<string> => {
    const profile = {
      provider: 'nvidia_nim',
      base_url: nim.url,
      model_id: 'nvidia/cosmos-test',
      timeout_ms: 20000,
      max_retries: 2,
      safety_preset: 'kids-strict',
      ...overrides,
    };
    expect((await call('PUT', `/v1/admin/model-profiles/${id}`, profile)).status).toBe(200);
    const workflow = await call('POST', '/v1/admin/workflows', {
      name: `Generated ${id}`,
      description: 'generation e2e',
      content_suitability: 'core',
      age_band: '6-11',
      steps: ['prompt', 'generate', 'qc'],
      model_profile_id: id,
      safety_profile: 'kids-strict',
    });
    expect(workflow.status).toBe(201);
    return workflow.body.workflow_id as string;
  };

  const startRun = async (workflowId: string, input: Json, autoPublish = true): Promise<string> => {
    const run = await call('POST', `/v1/admin/workflows/${workflowId}/runs`, { input_payload: input, auto_publish: autoPublish });
    expect(run.status).toBe(201);
    return run.body.run_id as string;
  };

  /** Polls the run until `done` holds (or `timeoutMs`); returns the last answer. */
  const waitRun = async (runId: string, done: (run: Json) => boolean, timeoutMs = 30_000): Promise<Json> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const run = (await call('GET', `/v1/admin/runs/${runId}`)).body;
      if (done(run) || Date.now() > until) return run;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const logs = async (runId: string): Promise<Json[]> => (await call('GET', `/v1/admin/runs/${runId}/logs`)).body.logs as Json[];
  const eventsOf = (runId: string) => published.filter((p) => p.payload.runId === runId);

  const stop = async () => {
    await app?.close();
    await platform?.stop();
    await nim.stop();
    await rm(dir, { recursive: true, force: true });
  };
  return {
    nim,
    platform,
    app,
    call,
    workflowWith,
    startRun,
    waitRun,
    logs,
    eventsOf,
    published,
    stop,
    streamPrefix: base.MESSAGING_STREAM_PREFIX as string,
  };
}

/** A platform started by {@link startGenerationPlatform}. */
export type GenerationPlatform = Awaited<ReturnType<typeof startGenerationPlatform>>;
