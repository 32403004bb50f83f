import type { INestApplication } from '@nestjs/common';
import { createPgPool } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, testDatabaseUrl, testEnv, type TestStores } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { AppModule } from '../app.module';
import { adminClient } from '../testing/admin-test-client';
import { sampleWorkflowInput } from './workflows-repository.contract';
import { PostgresWorkflowsRepository } from './adapters/postgres-workflows.repository';
import { PoolSqlTransactions } from '@mikasmissions/persistence';

jest.setTimeout(30_000);

const WF = '/v1/admin/workflows';
const MP = '/v1/admin/model-profiles';

describe.each(ADAPTERS)('admin-studio workflows and model profiles on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres'])('with %s stores', (stores) => {
    let app: INestApplication;
    let call: ReturnType<typeof adminClient>;
    let pool: Pool | undefined;

    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv(stores, { AUTH_MODE: 'enforce' }), globalPrefix: 'v1' });
      call = adminClient(await baseUrl(app));
      if (stores === 'postgres') pool = createPgPool(testDatabaseUrl(), 1);
    }, 30_000);
    afterAll(async () => {
      await app.close();
      await pool?.end();
    });

    it('answers /health and /ready', async () => {
      expect((await call(null, 'GET', '/v1/health', { unchecked: true })).status).toBe(200);
      const ready = await call(null, 'GET', '/v1/ready', { unchecked: true });
      expect(ready.status).toBe(200);
      if (stores === 'postgres') expect(ready.body.details.postgres.status).toBe('up');
    });

    it('creates at version 1, lists, raises the version on each PUT with a snapshot, deletes with 204', async () => {
      const created = await call('admin', 'POST', WF, { body: sampleWorkflowInput() });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ workflow_id: expect.any(String), version: 1, ...sampleWorkflowInput() });
      const id = created.body.workflow_id;
      const listed = await call('service', 'GET', WF);
      expect(listed.status).toBe(200);
      expect(listed.body.workflows).toContainEqual(created.body);

      const v2 = await call('admin', 'PUT', `${WF}/${id}`, {
        body: sampleWorkflowInput({ name: 'v2', age_band: '6-11', content_suitability: 'core' }),
      });
      expect(v2.status).toBe(200);
      expect(v2.body).toMatchObject({ workflow_id: id, name: 'v2', content_suitability: 'core', version: 2 });
      const v3 = await call('admin', 'PUT', `${WF}/${id}`, { body: sampleWorkflowInput({ name: 'v3', steps: ['prompt', 'generate'] }) });
      expect(v3.body.version).toBe(3);
      if (pool) {
        const kept = await new PostgresWorkflowsRepository(new PoolSqlTransactions(pool), 'admin_studio').versions(id);
        expect(kept.map((s) => [s.version, s.workflow.name])).toEqual([
          [1, 'Counting with Mika'],
          [2, 'v2'],
          [3, 'v3'],
        ]);
      }

      const deleted = await call('admin', 'DELETE', `${WF}/${id}`);
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBeUndefined();
      expect((await call('admin', 'GET', WF)).body.workflows.map((w: { workflow_id: string }) => w.workflow_id)).not.toContain(id);
      const again = await call('admin', 'DELETE', `${WF}/${id}`);
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe('workflow_missing');

      // Every action is audited (who, what, before, after), newest first; the refused delete records nothing.
      const audit = await call('admin', 'GET', '/v1/admin/audit?limit=200');
      expect(audit.status).toBe(200);
      const mine = audit.body.entries.filter((e: { target_id: string }) => e.target_id === id);
      expect(mine.map((e: { action: string }) => e.action)).toEqual([
        'workflow.deleted',
        'workflow.updated',
        'workflow.updated',
        'workflow.created',
      ]);
      expect(mine[0]).toMatchObject({ actor: 'admin-1', actor_role: 'admin', target_type: 'workflow', before: v3.body, after: null });
      expect(mine[2]).toMatchObject({ before: created.body, after: v2.body });
      expect(mine[3]).toMatchObject({ before: null, after: created.body });
    });

    it('answers 404 workflow_missing for PUT of an unknown workflow, and 400 validation_failed for a malformed id', async () => {
      const put = await call('admin', 'PUT', `${WF}/wf-nope`, { body: sampleWorkflowInput() });
      expect(put.status).toBe(404);
      expect(put.body.error.code).toBe('workflow_missing');
      const bad = await call('admin', 'DELETE', `${WF}/-bad!id`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    });

    it.each([
      ['name', { name: '' }],
      ['content_suitability', { content_suitability: 'adult' }],
      ['age_band', { age_band: '18+' }],
      ['steps', { steps: [] }],
      ['model_profile_id', { model_profile_id: 'bad id!' }],
      ['safety_profile', { safety_profile: '' }],
      ['content_suitability', { content_suitability: 'teen', age_band: '3-5' }],
      ['extra', { extra: 1 }],
    ] as const)('refuses a bad %s with 400 workflow_invalid naming the field, and stores nothing', async (field, override) => {
      const before = (await call('admin', 'GET', WF)).body.workflows.length;
      const res = await call('admin', 'POST', WF, { body: { ...sampleWorkflowInput(), ...override } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('workflow_invalid');
      expect(res.body.error.details.field).toBe(field);
      expect((await call('admin', 'GET', WF)).body.workflows.length).toBe(before);
    });

    it('refuses a workflow on an unknown model profile with 404 model_profile_not_found', async () => {
      const res = await call('admin', 'POST', WF, { body: sampleWorkflowInput({ model_profile_id: 'mp-unknown' }) });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('model_profile_not_found');
    });

    it('answers 401 missing_identity without an identity and 403 insufficient_role for a parent', async () => {
      const anonymous = await call(null, 'GET', WF);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('missing_identity');
      const parent = await call('parent', 'POST', WF, { body: sampleWorkflowInput() });
      expect(parent.status).toBe(403);
      expect(parent.body.error.code).toBe('insufficient_role');
      expect((await call('parent', 'GET', `${MP}/nim-default`)).body.error.code).toBe('insufficient_role');
    });

    it('serves nim-default before any PUT, stores a PUT and reads it back; unknown ids are 404', async () => {
      const initial = await call('admin', 'GET', `${MP}/nim-default`);
      expect(initial.status).toBe(200);
      expect(initial.body).toMatchObject({ model_profile_id: 'nim-default', provider: 'nvidia_nim' });
      const id = `mp-${stores}-${adapter}-${Date.now().toString(36)}`;
      const input = {
        provider: 'nvidia_nim',
        base_url: 'http://127.0.0.1:8099',
        model_id: 'nvidia/x',
        timeout_ms: 500,
        max_retries: 10,
        safety_preset: 'kids-strict',
      };
      const put = await call('admin', 'PUT', `${MP}/${id}`, { body: input });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ model_profile_id: id, ...input });
      expect((await call('service', 'GET', `${MP}/${id}`)).body).toEqual(put.body);
      const audited = (await call('admin', 'GET', '/v1/admin/audit')).body.entries.find((e: { target_id: string }) => e.target_id === id);
      expect(audited).toMatchObject({ action: 'model_profile.put', target_type: 'model_profile', before: null, after: put.body });
      const missing = await call('admin', 'GET', `${MP}/mp-never-${Date.now()}`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('model_profile_not_found');
    });

    it.each([
      { provider: 'openai' },
      { base_url: 'not a url' },
      { base_url: 'ftp://x.example' },
      { timeout_ms: 499 },
      { timeout_ms: 120001 },
      { max_retries: -1 },
      { max_retries: 11 },
      { model_id: '' },
      { safety_preset: '' },
      { extra: true },
    ])('refuses a model profile %j with 400 validation_failed', async (override) => {
      const input = {
        provider: 'nvidia_nim',
        base_url: 'https://nim.example',
        model_id: 'm',
        timeout_ms: 1000,
        max_retries: 1,
        safety_preset: 's',
        ...override,
      };
      const res = await call('admin', 'PUT', `${MP}/mp-invalid`, { body: input });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect((await call('admin', 'GET', `${MP}/mp-invalid`)).status).toBe(404);
    });

    it('answers the audit only to admins and services, and refuses a bad limit with 400', async () => {
      expect((await call('parent', 'GET', '/v1/admin/audit')).body.error.code).toBe('insufficient_role');
      expect((await call(null, 'GET', '/v1/admin/audit')).body.error.code).toBe('missing_identity');
      for (const limit of ['0', '201', 'x'])
        expect((await call('admin', 'GET', `/v1/admin/audit?limit=${limit}`)).body.error.code).toBe('validation_failed');
    });

    it('answers 400 malformed_json for a body that is not JSON', async () => {
      const res = await call('admin', 'POST', WF, { raw: '{"name":' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('malformed_json');
    });
  });
});
