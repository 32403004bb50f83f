import { check, expectAnswer, type Json, type SmokeContext } from '../smoke-client';

/** The dev admin of a memory-mode identity (RUNBOOK.md "Authentication"); `SMOKE_ADMIN_EMAIL` / `SMOKE_ADMIN_PASSWORD` override it. */
const DEV_ADMIN = { email: 'admin@mikasmissions.local', password: 'mikas-dev-admin-2026' };

/**
 * Seed 000's admin smoke: admin login → anonymous refused → list workflows → PUT the
 * `nim-default` model profile → create a workflow (prompt, generate, qc) → start a run → GET
 * the run and its logs.
 */
export async function adminFlow(ctx: SmokeContext): Promise<void> {
  const email = ctx.env.SMOKE_ADMIN_EMAIL?.trim() || DEV_ADMIN.email;
  const password = ctx.env.SMOKE_ADMIN_PASSWORD || DEV_ADMIN.password;
  const token = await ctx.step(
    'admin login',
    async () => {
      const a = expectAnswer(await ctx.call('POST', '/v1/admin/login', { email, password }), 200);
      check(a.body.token_type === 'Bearer' && a.body.role === 'admin', `token_type ${a.body.token_type}, role ${a.body.role}`);
      return a.body.access_token as string;
    },
    () => `${email}, role admin`,
  );
  await ctx.step(
    'anonymous refused',
    async () => {
      expectAnswer(await ctx.call('GET', '/v1/admin/workflows'), 401);
    },
    () => '401 without a token',
  );
  await ctx.step(
    'list workflows',
    async () => {
      const a = expectAnswer(await ctx.call('GET', '/v1/admin/workflows', undefined, token), 200);
      return (a.body.workflows as Json[]).length;
    },
    (n) => `${n} workflow(s)`,
  );
  const profile = {
    provider: 'nvidia_nim',
    base_url: 'http://127.0.0.1:8099',
    model_id: 'nvidia/cosmos-1.0-7b-text2world',
    timeout_ms: 30000,
    max_retries: 2,
    safety_preset: 'kids-strict',
  };
  await ctx.step(
    'model profile PUT',
    async () => {
      const a = expectAnswer(await ctx.call('PUT', '/v1/admin/model-profiles/nim-default', profile, token), 200);
      check(a.body.model_profile_id === 'nim-default' && a.body.model_id === profile.model_id, `answer ${JSON.stringify(a.body)}`);
    },
    () => 'nim-default',
  );
  const workflow = await ctx.step(
    'workflow create',
    async () => {
      const body = {
        name: 'Smoke',
        description: 'admin smoke',
        content_suitability: 'core',
        age_band: '6-11',
        steps: ['prompt', 'generate', 'qc'],
        model_profile_id: 'nim-default',
        safety_profile: 'kids-strict',
      };
      const a = expectAnswer(await ctx.call('POST', '/v1/admin/workflows', body, token), 201);
      check(a.body.version === 1, `version ${a.body.version}`);
      return a.body.workflow_id as string;
    },
    (id) => `workflow ${id} v1`,
  );
  const run = await ctx.step(
    'run start',
    async () => {
      const a = expectAnswer(
        await ctx.call(
          'POST',
          `/v1/admin/workflows/${workflow}/runs`,
          { input_payload: { prompt: 'a fox counts to ten' }, auto_publish: true },
          token,
        ),
        201,
      );
      check(typeof a.body.run_id === 'string' && typeof a.body.status === 'string', `answer ${JSON.stringify(a.body)}`);
      return a.body.run_id as string;
    },
    (id) => `run ${id}`,
  );
  await ctx.step(
    'run read',
    async () => {
      const a = expectAnswer(await ctx.call('GET', `/v1/admin/runs/${run}`, undefined, token), 200);
      check(a.body.run_id === run && a.body.workflow_id === workflow, `run ${a.body.run_id} of ${a.body.workflow_id}`);
      return a.body.status as string;
    },
    (status) => `status ${status}`,
  );
  await ctx.step(
    'run logs',
    async () => {
      const a = expectAnswer(await ctx.call('GET', `/v1/admin/runs/${run}/logs`, undefined, token), 200);
      const logs = a.body.logs as Json[];
      check(logs.length > 0 && logs.every((l) => l.run_id === run), `logs ${JSON.stringify(logs).slice(0, 200)}`);
      return logs.length;
    },
    (n) => `${n} log line(s)`,
  );
}
