import type { INestApplication } from '@nestjs/common';
import { createPgPool } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, testDatabaseUrl, testEnv, type TestStores } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { AppModule } from '../app.module';
import { adminClient } from '../testing/admin-test-client';
import { sampleWorkflowInput } from '../workflows/workflows-repository.contract';
import type { RunStatus } from './run';
import { RUN_TRANSITIONS } from './run-state-machine';

jest.setTimeout(30_000);

const ALL: RunStatus[] = ['requested', 'running', 'generated', 'qc_passed', 'in_review', 'published', 'failed', 'cancelled'];
const CHAIN: RunStatus[] = ['running', 'generated', 'qc_passed', 'in_review', 'published'];

describe.each(ADAPTERS)('admin-studio runs on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres'])('with %s stores', (stores) => {
    let app: INestApplication;
    let call: ReturnType<typeof adminClient>;
    let pool: Pool | undefined;
    let workflowId: string;

    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv(stores, { AUTH_MODE: 'enforce' }), globalPrefix: 'v1' });
      call = adminClient(await baseUrl(app));
      if (stores === 'postgres') pool = createPgPool(testDatabaseUrl(), 1);
      workflowId = (await call('admin', 'POST', '/v1/admin/workflows', { body: sampleWorkflowInput() })).body.workflow_id;
    }, 30_000);
    afterAll(async () => {
      await app.close();
      await pool?.end();
    });

    /** The `video.run.requested` payloads the outbox holds for a run (Postgres only; the memory outbox is not readable from outside). */
    const requestedEvents = async (runId: string) =>
      (
        await pool!.query<{ p: Record<string, unknown> }>(
          `SELECT payload->'payload' AS p FROM admin_studio.outbox WHERE type = 'video.run.requested' AND payload->'payload'->>'runId' = $1 ORDER BY seq`,
          [runId],
        )
      ).rows.map((r) => r.p);

    const start = async (body: object = { input_payload: { prompt: 'a robot counts stars' } }) => {
      const res = await call('admin', 'POST', `/v1/admin/workflows/${workflowId}/runs`, { body });
      expect(res.status).toBe(201);
      return res.body.run_id as string;
    };
    /** A worker's move (internal route, service identity). */
    const move = (runId: string, status: RunStatus, extra: object = {}) =>
      call('service', 'POST', `/internal/runs/${runId}/transitions`, {
        body: { status, step: 'test', message: `to ${status}`, ...extra },
        unchecked: true,
      });
    const runIn = async (status: RunStatus): Promise<string> => {
      const id = await start();
      if (status === 'cancelled') expect((await call('admin', 'POST', `/v1/admin/runs/${id}/cancel`)).status).toBe(200);
      else if (status === 'failed') expect((await move(id, 'failed', { error: 'nim_provider_rejected' })).status).toBe(200);
      else if (status !== 'requested')
        for (const to of CHAIN.slice(0, CHAIN.indexOf(status) + 1)) expect((await move(id, to)).status).toBe(200);
      return id;
    };

    it('starts a run: 201 requested, readable with its defaults and a first log entry; video.run.requested in the outbox', async () => {
      const res = await call('admin', 'POST', `/v1/admin/workflows/${workflowId}/runs`, { body: { input_payload: { prompt: 'stars' } } });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ run_id: expect.any(String), status: 'requested' });
      const id = res.body.run_id;
      const run = await call('admin', 'GET', `/v1/admin/runs/${id}`);
      expect(run.body).toEqual({
        run_id: id,
        workflow_id: workflowId,
        status: 'requested',
        priority: 'normal',
        auto_publish: false,
        input_payload: { prompt: 'stars' },
        last_error: null,
      });
      const logs = await call('service', 'GET', `/v1/admin/runs/${id}/logs`);
      expect(logs.body).toEqual({
        run_id: id,
        logs: [
          {
            run_id: id,
            step: 'admin',
            status: 'requested',
            message: expect.stringContaining('admin admin-1'),
            event_time: expect.any(String),
          },
        ],
      });
      if (pool) {
        expect(await requestedEvents(id)).toEqual([
          {
            runId: id,
            workflowId,
            workflowVersion: 1,
            modelProfileId: 'nim-default',
            priority: 'normal',
            autoPublish: false,
            attempt: 1,
            inputPayload: { prompt: 'stars' },
          },
        ]);
      }
    });

    it('walks a run to published with one log entry per state change', async () => {
      const id = await start({ input_payload: { prompt: 'p' }, priority: 'high', auto_publish: true });
      for (const to of CHAIN) expect((await move(id, to)).body.status).toBe(to);
      expect((await call('admin', 'GET', `/v1/admin/runs/${id}`)).body).toMatchObject({
        status: 'published',
        priority: 'high',
        auto_publish: true,
      });
      expect((await call('admin', 'GET', `/v1/admin/runs/${id}/logs`)).body.logs.map((e: { status: string }) => e.status)).toEqual([
        'requested',
        ...CHAIN,
      ]);
    });

    it('cancels, refuses a second cancel with 409, retries back to requested with a second video.run.requested', async () => {
      const id = await runIn('running');
      const cancelled = await call('admin', 'POST', `/v1/admin/runs/${id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ run_id: id, status: 'cancelled' });
      const again = await call('admin', 'POST', `/v1/admin/runs/${id}/cancel`);
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'run_state_conflict', details: { status: 'cancelled', requested: 'cancelled' } });
      // A stage that finishes after the cancel is refused: it must publish nothing.
      expect((await move(id, 'generated')).status).toBe(409);
      const retried = await call('admin', 'POST', `/v1/admin/runs/${id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body).toEqual({ run_id: id, status: 'requested' });
      if (pool) expect((await requestedEvents(id)).map((e) => e.attempt)).toEqual([1, 2]);
      const audit = (await call('admin', 'GET', '/v1/admin/audit?limit=200')).body.entries.filter(
        (e: { target_id: string }) => e.target_id === id,
      );
      expect(audit.map((e: { action: string }) => e.action)).toEqual(['run.retried', 'run.cancelled', 'run.created']);
      expect(audit[1]).toMatchObject({ before: { status: 'running' }, after: { status: 'cancelled' } });
    });

    it('retries after a failure: last_error is set by the failure and cleared by the retry', async () => {
      const id = await runIn('failed');
      expect((await call('admin', 'GET', `/v1/admin/runs/${id}`)).body).toMatchObject({
        status: 'failed',
        last_error: 'nim_provider_rejected',
      });
      expect((await call('admin', 'POST', `/v1/admin/runs/${id}/retry`)).status).toBe(200);
      expect((await call('admin', 'GET', `/v1/admin/runs/${id}`)).body).toMatchObject({ status: 'requested', last_error: null });
    });

    it.each(ALL)('from %s: retry and cancel answer as the state machine says (409 run_state_conflict otherwise)', async (from) => {
      for (const [action, to] of [
        ['retry', 'requested'],
        ['cancel', 'cancelled'],
      ] as const) {
        const id = await runIn(from);
        const res = await call('admin', 'POST', `/v1/admin/runs/${id}/${action}`);
        if (RUN_TRANSITIONS[from].includes(to)) {
          expect(res.status).toBe(200);
          expect(res.body.status).toBe(to);
        } else {
          expect(res.status).toBe(409);
          expect(res.body.error.code).toBe('run_state_conflict');
          if (pool && action === 'retry') expect(await requestedEvents(id)).toHaveLength(1);
        }
      }
    });

    it('refuses a skipped step from a worker with 409 and a worker move without service identity with 403', async () => {
      const id = await start();
      expect((await move(id, 'published')).status).toBe(409);
      const asAdmin = await call('admin', 'POST', `/internal/runs/${id}/transitions`, {
        body: { status: 'running', step: 's' },
        unchecked: true,
      });
      expect(asAdmin.status).toBe(403);
      expect((await move(id, 'failed')).status).toBe(400);
    });

    it('answers 404 run_not_found for an unknown run on every run route, and 404 workflow_missing for a run of an unknown workflow', async () => {
      for (const [method, path] of [
        ['GET', ''],
        ['GET', '/logs'],
        ['POST', '/retry'],
        ['POST', '/cancel'],
      ]) {
        const res = await call('admin', method, `/v1/admin/runs/run-unknown${path}`);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('run_not_found');
      }
      const res = await call('admin', 'POST', '/v1/admin/workflows/wf-unknown/runs', { body: { input_payload: {} } });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('workflow_missing');
    });

    it.each([
      {},
      { input_payload: 'text' },
      { input_payload: {}, priority: 'urgent' },
      { input_payload: {}, auto_publish: 'yes' },
      { input_payload: {}, extra: 1 },
    ])('refuses a run body %j with 400 validation_failed and starts nothing', async (body) => {
      const res = await call('admin', 'POST', `/v1/admin/workflows/${workflowId}/runs`, { body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    });

    it('answers 401 without identity and 403 insufficient_role for a parent', async () => {
      const id = await start();
      expect((await call(null, 'GET', `/v1/admin/runs/${id}`)).body.error.code).toBe('missing_identity');
      const parent = await call('parent', 'POST', `/v1/admin/runs/${id}/cancel`);
      expect(parent.status).toBe(403);
      expect(parent.body.error.code).toBe('insufficient_role');
      expect((await call('admin', 'GET', `/v1/admin/runs/${id}`)).body.status).toBe('requested');
    });
  });
});
