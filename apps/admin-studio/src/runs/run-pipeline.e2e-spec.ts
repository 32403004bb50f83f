import type { INestApplication } from '@nestjs/common';
import { EpisodePublished, MediaRejected, MediaReviewed } from '@mikasmissions/contracts-events';
import { connectEventConsumers, EventPublisher } from '@mikasmissions/messaging';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { adminClient } from '../testing/admin-test-client';
import { sampleWorkflowInput } from '../workflows/workflows-repository.contract';
import type { RunStatus } from './run';

jest.setTimeout(30_000);

/**
 * What the generation workers read (`GET /internal/runs/{id}`) and how admin-studio follows a
 * generated asset through the media pipeline (`episode.published` / `media.rejected` with a
 * `runId`), in memory mode with the in-process event bus.
 */
describe('admin-studio: the workers’ run view and the media pipeline’s outcomes', () => {
  let app: INestApplication;
  let call: ReturnType<typeof adminClient>;
  let events: EventPublisher;
  let workflowId: string;

  beforeAll(async () => {
    app = await bootApp(AppModule, {
      adapter: ADAPTERS[0],
      env: testEnv('memory', { AUTH_MODE: 'enforce', NIM_BASE_URL: 'http://nim.test:9' }),
      globalPrefix: 'v1',
    });
    await connectEventConsumers(app);
    call = adminClient(await baseUrl(app));
    events = app.get(EventPublisher);
    workflowId = (await call('admin', 'POST', '/v1/admin/workflows', { body: sampleWorkflowInput() })).body.workflow_id;
  });
  afterAll(async () => {
    await app.close();
  });

  const start = async (): Promise<string> =>
    (
      await call('admin', 'POST', `/v1/admin/workflows/${workflowId}/runs`, {
        body: { input_payload: { prompt: 'stars' }, auto_publish: true },
      })
    ).body.run_id;
  const move = (runId: string, status: RunStatus, extra: object = {}) =>
    call('service', 'POST', `/internal/runs/${runId}/transitions`, {
      body: { status, step: 'test', message: `to ${status}`, ...extra },
      unchecked: true,
    });
  const toQcPassed = async (runId: string) => {
    for (const status of ['running', 'generated', 'qc_passed'] as const) expect((await move(runId, status)).status).toBe(200);
  };
  const statusOf = async (runId: string) =>
    (await call('admin', 'GET', `/v1/admin/runs/${runId}`)).body as { status: RunStatus; last_error: string | null };
  const settle = async (runId: string, status: RunStatus) => {
    const until = Date.now() + 5000;
    while ((await statusOf(runId)).status !== status && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    return statusOf(runId);
  };
  const published = (runId: string | undefined, episodeId: string) =>
    events.publish(
      EpisodePublished,
      { episodeId, missionId: episodeId, ageRating: '6+', ...(runId ? { runId } : {}) },
      { aggregateId: episodeId },
    );

  it('serves a run to a service with its workflow as of the run’s version and its model profile (nim-default at NIM_BASE_URL)', async () => {
    const runId = await start();
    await call('admin', 'PUT', `/v1/admin/workflows/${workflowId}`, { body: { ...sampleWorkflowInput(), name: 'Renamed later' } });
    const view = await call('service', 'GET', `/internal/runs/${runId}`, { unchecked: true });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      run: { run_id: runId, status: 'requested', attempt: 1, workflow_version: 1, model_profile_id: 'nim-default', auto_publish: true },
      workflow: { workflow_id: workflowId, version: 1, name: sampleWorkflowInput().name, age_band: sampleWorkflowInput().age_band },
      model_profile: { model_profile_id: 'nim-default', base_url: 'http://nim.test:9' },
    });
    expect((await call('admin', 'GET', `/internal/runs/${runId}`, { unchecked: true })).body.error.code).toBe('insufficient_role');
    expect((await call('service', 'GET', '/internal/runs/no-such-run', { unchecked: true })).status).toBe(404);
  });

  it('refuses a worker’s move bound to an older attempt with 409 run_state_conflict (details: status, attempt)', async () => {
    const runId = await start();
    expect((await move(runId, 'failed', { error: 'nim_provider_error', attempt: 1 })).status).toBe(200);
    expect((await call('admin', 'POST', `/v1/admin/runs/${runId}/retry`)).status).toBe(200);
    const stale = await move(runId, 'running', { attempt: 1 });
    expect(stale).toMatchObject({
      status: 409,
      body: { error: { code: 'run_state_conflict', details: { status: 'requested', attempt: 2 } } },
    });
    expect((await move(runId, 'running', { attempt: 2 })).status).toBe(200);
  });

  it('episode.published with the run moves a qc_passed run through in_review to published, logged', async () => {
    const runId = await start();
    await toQcPassed(runId);
    await published(runId, `gen-${runId}-a1`);
    expect(await settle(runId, 'published')).toMatchObject({ status: 'published', last_error: null });
    const logs = (await call('admin', 'GET', `/v1/admin/runs/${runId}/logs`)).body.logs as Array<{ status: string; step: string }>;
    expect(logs.slice(-2).map((l) => [l.status, l.step])).toEqual([
      ['in_review', 'pipeline'],
      ['published', 'publish'],
    ]);
  });

  it('media.reviewed queued with the run holds it in_review (moderation); an approved review moves nothing, the episode then publishes it', async () => {
    const runId = await start();
    await toQcPassed(runId);
    const review = (decision: 'queued' | 'approved') =>
      events.publish(
        MediaReviewed,
        {
          assetId: `gen-${runId}-a1`,
          episodeId: `gen-${runId}-a1`,
          creatorId: 'admin-studio',
          decision,
          rules: [],
          reason: 'review_required',
          reviewer: 'policy',
          runId,
        },
        { aggregateId: runId },
      );
    await review('queued');
    expect(await settle(runId, 'in_review')).toMatchObject({ status: 'in_review' });
    await review('approved');
    await published(runId, `gen-${runId}-a1`);
    expect(await settle(runId, 'published')).toMatchObject({ status: 'published' });
    const logs = (await call('admin', 'GET', `/v1/admin/runs/${runId}/logs`)).body.logs as Array<{
      status: string;
      step: string;
      message: string;
    }>;
    expect(logs.slice(-2).map((l) => [l.status, l.step])).toEqual([
      ['in_review', 'moderation'],
      ['published', 'publish'],
    ]);
    expect(logs.at(-2)?.message).toContain('review_required');
  });

  it('media.rejected with the run fails it media_rejected; a cancelled run stays cancelled when its episode is published', async () => {
    const rejected = await start();
    await toQcPassed(rejected);
    await events.publish(
      MediaRejected,
      { assetId: 'a', episodeId: 'a', stage: 'ingest', reason: 'source_forbidden', message: 'no', runId: rejected },
      { aggregateId: 'a' },
    );
    expect(await settle(rejected, 'failed')).toEqual(expect.objectContaining({ status: 'failed', last_error: 'media_rejected' }));

    const cancelled = await start();
    await toQcPassed(cancelled);
    expect((await call('admin', 'POST', `/v1/admin/runs/${cancelled}/cancel`)).status).toBe(200);
    await published(cancelled, `gen-${cancelled}-a1`);
    await published(undefined, 'a-creator-upload');
    const marker = await start();
    await toQcPassed(marker);
    await published(marker, `gen-${marker}-a1`);
    await settle(marker, 'published');
    expect((await statusOf(cancelled)).status).toBe('cancelled');
  });
});
