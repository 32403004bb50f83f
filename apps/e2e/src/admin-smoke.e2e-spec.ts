import { type ServiceProcesses, createContractValidator, startServices, testEnv } from '@mikasmissions/testing';
import { gatewayCall } from './testing/gateway-client';

const contract = createContractValidator();

/**
 * Seed 000's admin smoke through the gateway, with identity, admin-studio and the gateway as
 * real processes in memory mode and AUTH_MODE=enforce: admin login → list workflows → PUT
 * `nim-default` → create a workflow (prompt, generate, qc) → start a run → GET the run and its
 * logs. Every answer of the gateway is checked against the v1 contract. The run stays
 * `requested`: the generation workers are a later slice.
 */
describe('the admin smoke through the gateway (identity, admin-studio, gateway as processes)', () => {
  let platform: ServiceProcesses;

  beforeAll(async () => {
    platform = await startServices(['identity', 'admin-studio', 'gateway'], testEnv('memory', { AUTH_MODE: 'enforce', LOG_LEVEL: 'warn', AUTHX_TRUST_PROXY: 'true' }));
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
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
    const profile = { provider: 'nvidia_nim', base_url: 'http://127.0.0.1:8099', model_id: 'nvidia/cosmos-1.0-7b-text2world', timeout_ms: 30000, max_retries: 2, safety_preset: 'kids-strict' };
    const put = await call('PUT', '/v1/admin/model-profiles/nim-default', profile, token);
    expect(put.body).toEqual({ model_profile_id: 'nim-default', ...profile });

    const workflow = await call(
      'POST',
      '/v1/admin/workflows',
      { name: 'Smoke', description: 'admin smoke', content_suitability: 'core', age_band: '6-11', steps: ['prompt', 'generate', 'qc'], model_profile_id: 'nim-default', safety_profile: 'kids-strict' },
      token,
    );
    expect(workflow.status).toBe(201);
    expect(workflow.body.version).toBe(1);
    const listed = await call('GET', '/v1/admin/workflows', undefined, token);
    expect(listed.body.workflows).toContainEqual(workflow.body);

    const run = await call('POST', `/v1/admin/workflows/${workflow.body.workflow_id}/runs`, { input_payload: { prompt: 'a fox counts to ten' }, auto_publish: true }, token);
    expect(run.status).toBe(201);
    expect(run.body).toEqual({ run_id: expect.any(String), status: 'requested' });
    const read = await call('GET', `/v1/admin/runs/${run.body.run_id}`, undefined, token);
    expect(read.body).toMatchObject({ run_id: run.body.run_id, workflow_id: workflow.body.workflow_id, status: 'requested', auto_publish: true, last_error: null });
    const logs = await call('GET', `/v1/admin/runs/${run.body.run_id}/logs`, undefined, token);
    expect(logs.body.logs).toEqual([expect.objectContaining({ run_id: run.body.run_id, status: 'requested', step: 'admin' })]);

    const audit = await call('GET', '/v1/admin/audit', undefined, token);
    expect(audit.body.entries.map((e: { action: string }) => e.action).slice(0, 3)).toEqual(['run.created', 'workflow.created', 'model_profile.put']);
    expect(audit.body.entries[0]).toMatchObject({ actor: login.body.admin_user_id, actor_role: 'admin', target_id: run.body.run_id });
  }, 60_000);
});
