import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import {
  type FakeNimProcess,
  type ServiceProcesses,
  createContractValidator,
  startFakeNim,
  startServices,
  TEST_EDGE_IDENTITY_KEY,
  testEnv,
  testRedisUrl,
} from '@mikasmissions/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Json, gatewayCall, poll } from './testing/gateway-client';

const contract = createContractValidator();
const catalogReader: EdgeIdentity = {
  role: 'service',
  tenantId: 'default',
  requestId: 'r-admin-smoke-catalog',
  subject: 'service:gateway',
};

/** A run's timeline from its logs: each state, its step, the time since the run was requested and since the step before. */
function timeline(logs: Json[]): string {
  const start = Date.parse(logs[0].event_time);
  return logs
    .map((l, i) => {
      const at = Date.parse(l.event_time);
      const step = i === 0 ? 0 : at - Date.parse(logs[i - 1].event_time);
      return `  ${String(at - start).padStart(6)} ms  +${String(step).padStart(5)} ms  ${String(l.status).padEnd(10)} ${String(l.step).padEnd(12)} ${l.message}`;
    })
    .join('\n');
}

/**
 * Seed 000's admin smoke through the gateway, with identity, admin-studio, the gateway, the
 * generation worker, the media pipeline (`ingest,transcode,publish`), moderation and catalog as real
 * processes (memory stores, events over the real Redis under this file's prefix,
 * AUTH_MODE=enforce) and tools/fake-nim as the provider: admin login → list workflows → PUT
 * `nim-default` → create a workflow (prompt, generate, qc) → start a run → GET the run and its
 * logs; then the run moves to `published` and its episode is served by catalog. Every answer
 * is checked against the v1 contract; the run's timeline is printed.
 */
describe('the admin smoke through the gateway (identity, admin-studio, gateway, generation, media-pipeline, moderation, catalog as processes)', () => {
  let platform: ServiceProcesses;
  let nim: FakeNimProcess;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-admin-smoke-'));
    nim = await startFakeNim({ dir: join(dir, 'nim') });
    platform = await startServices(
      ['identity', 'admin-studio', 'gateway', 'generation', 'media-pipeline', 'moderation', 'catalog'],
      testEnv('memory', {
        AUTH_MODE: 'enforce',
        LOG_LEVEL: 'warn',
        AUTHX_TRUST_PROXY: 'true',
        MESSAGING_REDIS_URL: testRedisUrl(),
        OUTBOX_RELAY_POLL_MS: '50',
        NIM_BASE_URL: nim.url,
        MEDIA_PIPELINE_STAGES: 'ingest,transcode,publish',
        MEDIA_STORE_DIR: join(dir, 'store'),
        INGEST_ALLOW_PRIVATE_SOURCES: 'true',
        TRANSCODE_HEIGHTS: '90',
        TRANSCODE_SEGMENT_SECONDS: '10',
        CATALOG_DEMO_DATA: 'false',
        MODERATION_TRUSTED_CREATORS: 'admin-studio',
      }),
      180_000,
    );
  }, 240_000);
  afterAll(async () => {
    await platform?.stop();
    await nim?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const call = gatewayCall(() => platform.urls.gateway, contract);

  it('logs in, lists, configures nim-default, creates a workflow, starts a run and reads it and its logs', async () => {
    const login = await call('POST', '/v1/admin/login', { email: 'admin@mikasmissions.local', password: 'mikas-dev-admin-2026' });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ token_type: 'Bearer', role: 'admin' });
    const token = login.body.access_token as string;

    const anonymous = await call('GET', '/v1/admin/workflows');
    expect(anonymous.status).toBe(401);

    expect((await call('GET', '/v1/admin/workflows', undefined, token)).status).toBe(200);
    const profile = {
      provider: 'nvidia_nim',
      base_url: nim.url,
      model_id: 'nvidia/cosmos-1.0-7b-text2world',
      timeout_ms: 30000,
      max_retries: 2,
      safety_preset: 'kids-strict',
    };
    const put = await call('PUT', '/v1/admin/model-profiles/nim-default', profile, token);
    expect(put.body).toEqual({ model_profile_id: 'nim-default', ...profile });

    const workflow = await call(
      'POST',
      '/v1/admin/workflows',
      {
        name: 'Smoke',
        description: 'admin smoke',
        content_suitability: 'core',
        age_band: '6-11',
        steps: ['prompt', 'generate', 'qc'],
        model_profile_id: 'nim-default',
        safety_profile: 'kids-strict',
      },
      token,
    );
    expect(workflow.status).toBe(201);
    expect(workflow.body.version).toBe(1);
    const listed = await call('GET', '/v1/admin/workflows', undefined, token);
    expect(listed.body.workflows).toContainEqual(workflow.body);

    const run = await call(
      'POST',
      `/v1/admin/workflows/${workflow.body.workflow_id}/runs`,
      { input_payload: { prompt: 'a fox counts to ten' }, auto_publish: true },
      token,
    );
    expect(run.status).toBe(201);
    expect(run.body).toEqual({ run_id: expect.any(String), status: 'requested' });
    const read = await call('GET', `/v1/admin/runs/${run.body.run_id}`, undefined, token);
    expect(read.body).toMatchObject({
      run_id: run.body.run_id,
      workflow_id: workflow.body.workflow_id,
      auto_publish: true,
      last_error: null,
    });
    // The worker may already have moved it: any state on the way, never a failure.
    expect(['requested', 'running', 'generated', 'qc_passed', 'in_review', 'published']).toContain(read.body.status);
    const logs = await call('GET', `/v1/admin/runs/${run.body.run_id}/logs`, undefined, token);
    expect(logs.body.logs[0]).toEqual(expect.objectContaining({ run_id: run.body.run_id, status: 'requested', step: 'admin' }));

    const audit = await call('GET', '/v1/admin/audit', undefined, token);
    expect(audit.body.entries.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      'run.created',
      'workflow.created',
      'model_profile.put',
    ]);
    expect(audit.body.entries[0]).toMatchObject({ actor: login.body.admin_user_id, actor_role: 'admin', target_id: run.body.run_id });

    const runId = run.body.run_id as string;
    const final = await poll(
      'the run reaching a final state',
      async () => (await call('GET', `/v1/admin/runs/${runId}`, undefined, token)).body,
      (r) => ['published', 'failed', 'cancelled'].includes(r.status),
      90_000,
    );
    expect(final).toMatchObject({ run_id: runId, status: 'published', last_error: null });
    const done = (await call('GET', `/v1/admin/runs/${runId}/logs`, undefined, token)).body.logs as Json[];
    expect(done.map((l) => l.status)).toEqual(['requested', 'running', 'generated', 'qc_passed', 'in_review', 'published']);
    console.log(`admin smoke: run ${runId} timeline (fake NIM, memory stores, events over Redis):\n${timeline(done)}`);
    expect(await nim.callsOf(runId)).toEqual([
      expect.objectContaining({ status: 200, safety_preset: 'kids-strict', idempotency_key: `${runId}:1` }),
    ]);

    const episodeId = `gen-${runId}-a1`;
    const path = `/v1/catalog/episodes/${episodeId}`;
    const res = await fetch(`${platform.urls.catalog}${path}`, {
      headers: signIdentity(catalogReader, { method: 'GET', path }, TEST_EDGE_IDENTITY_KEY),
    });
    const episode = (await res.json()) as Json;
    contract.assert({ method: 'GET', path, status: res.status, body: episode });
    expect(res.status).toBe(200);
    expect(episode).toMatchObject({
      episode_id: episodeId,
      title: 'Smoke',
      age_band: '6-11',
      summary: 'a fox counts to ten',
      playback_ready: true,
    });
    expect(Math.abs(episode.duration_ms - 30_000)).toBeLessThan(1000);
  }, 150_000);
});
