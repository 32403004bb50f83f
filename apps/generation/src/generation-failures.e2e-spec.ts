import { streamKey } from '@mikasmissions/messaging';
import { createRedisClient } from '@mikasmissions/persistence';
import { testRedisUrl } from '@mikasmissions/testing';
import { type GenerationPlatform, type Json, startGenerationPlatform } from './testing/generation-platform';

jest.setTimeout(120_000);

const FINAL = ['published', 'failed', 'cancelled'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The provider and qc failure paths, cancel and retry, in memory mode (admin-studio and the media
 * pipeline as processes, events over the real Redis, tools/fake-nim as a process). Each test has
 * its own model profile, so each has its own circuit (`nim <url> (<timeout> ms, <retries> retries)`).
 * The breaker opens after 2 calls in this suite (`GENERATION_BREAKER_MIN_CALLS=2`).
 */
describe('generation: provider and qc failures, cancel, retry (memory stores, events over Redis)', () => {
  let p: GenerationPlatform;

  beforeAll(async () => {
    p = await startGenerationPlatform('memory', { GENERATION_BREAKER_MIN_CALLS: '2', GENERATION_BREAKER_OPEN_MS: '60000' });
  }, 180_000);
  afterAll(async () => {
    await p?.stop();
  });

  /** Starts a run of a fresh workflow on profile `id` and waits until it is final. */
  const runToEnd = async (id: string, profile: Json, input: Json): Promise<{ runId: string; run: Json; logs: Json[] }> => {
    const runId = await p.startRun(await p.workflowWith(id, profile), input);
    const run = await p.waitRun(runId, (r) => FINAL.includes(r.status), 60_000);
    return { runId, run, logs: await p.logs(runId) };
  };
  const typesOf = (runId: string) =>
    p.eventsOf(runId).map((e) => (e.type === 'video.run.step.completed' ? `step:${e.payload.step}` : e.type));

  it('a 4xx of the provider fails the run nim_provider_rejected at once: one call, no retry', async () => {
    const { runId, run, logs } = await runToEnd('rejects', {}, { prompt: 'scary monsters', fake_nim_mode: 'reject' });
    expect(run).toMatchObject({ status: 'failed', last_error: 'nim_provider_rejected' });
    expect(logs.map((l) => [l.status, l.step])).toEqual([
      ['requested', 'admin'],
      ['running', 'orchestrator'],
      ['failed', 'provider'],
    ]);
    expect(logs[2].message).toContain('prompt_rejected');
    expect(await p.nim.callsOf(runId)).toEqual([expect.objectContaining({ status: 422, idempotency_key: `${runId}:1` })]);
    expect(typesOf(runId)).toEqual(['step:orchestrator', 'video.run.failed']);
    expect(p.eventsOf(runId).find((e) => e.type === 'video.run.failed')?.payload).toMatchObject({
      step: 'provider',
      code: 'nim_provider_rejected',
      attempt: 1,
    });
  });

  it('5xx answers are retried max_retries times with the same idempotency key, then the run fails nim_provider_error', async () => {
    const { runId, run } = await runToEnd('errors', { timeout_ms: 20001, max_retries: 2 }, { prompt: 'a fox', fake_nim_mode: 'fail' });
    expect(run).toMatchObject({ status: 'failed', last_error: 'nim_provider_error' });
    const calls = await p.nim.callsOf(runId);
    expect(calls.map((c) => [c.status, c.idempotency_key])).toEqual([
      [503, `${runId}:1`],
      [503, `${runId}:1`],
      [503, `${runId}:1`],
    ]);
    expect(typesOf(runId)).toEqual(['step:orchestrator', 'video.run.failed']);
  });

  it('a provider that hangs is cut off at the profile timeout_ms, retried, then the run fails nim_provider_error', async () => {
    const { runId, run, logs } = await runToEnd('hangs', { timeout_ms: 500, max_retries: 1 }, { prompt: 'a fox', fake_nim_mode: 'hang' });
    expect(run).toMatchObject({ status: 'failed', last_error: 'nim_provider_error' });
    expect(logs.at(-1)?.message).toContain('did not answer within 500 ms');
    expect((await p.nim.callsOf(runId)).map((c) => c.mode)).toEqual(['hang', 'hang']);
  });

  it('the breaker of a provider opens after failing calls: the next run fails nim_provider_unavailable without calling it', async () => {
    const profile = { timeout_ms: 900, max_retries: 0 };
    for (const n of [1, 2]) {
      const { run } = await runToEnd(`breaker-${n}`, profile, { prompt: 'a fox', fake_nim_mode: 'fail' });
      expect(run).toMatchObject({ status: 'failed', last_error: 'nim_provider_error' });
    }
    const { runId, run, logs } = await runToEnd('breaker-3', profile, { prompt: 'a healthy fox' });
    expect(run).toMatchObject({ status: 'failed', last_error: 'nim_provider_unavailable' });
    expect(logs.at(-1)?.message).toContain('is open');
    expect(await p.nim.callsOf(runId)).toEqual([]);
  });

  it.each([
    ['bad_duration', 'duration_ms 5000 is outside 30000..1800000'],
    ['short_clip', 'ffprobe measured 3000 ms, the provider claimed 30000 ms'],
  ])('qc fails a clip of mode %s with generation_qc_failed; nothing reaches the media pipeline', async (mode, message) => {
    const { runId, run, logs } = await runToEnd(`qc-${mode}`, {}, { prompt: 'a fox', fake_nim_mode: mode });
    expect(run).toMatchObject({ status: 'failed', last_error: 'generation_qc_failed' });
    expect(logs.map((l) => l.status)).toEqual(['requested', 'running', 'generated', 'failed']);
    expect(logs.at(-1)).toMatchObject({ step: 'qc', message });
    expect(typesOf(runId)).toEqual(['step:orchestrator', 'step:provider', 'video.run.failed']);
  });

  it('an answer with another safety preset than the one sent fails the run nim_safety_mismatch', async () => {
    const { runId, run } = await runToEnd('unsafe', {}, { prompt: 'a fox', fake_nim_mode: 'unsafe' });
    expect(run).toMatchObject({ status: 'failed', last_error: 'nim_safety_mismatch' });
    expect(await p.nim.callsOf(runId)).toEqual([expect.objectContaining({ safety_preset: 'kids-strict', status: 200 })]);
    expect(typesOf(runId)).toEqual(['step:orchestrator', 'video.run.failed']);
  });

  it('a run cancelled during the provider call publishes nothing afterwards: no generated state, no step, no upload', async () => {
    const runId = await p.startRun(await p.workflowWith('cancel'), {
      prompt: 'a slow fox',
      fake_nim_mode: 'slow',
      fake_nim_delay_ms: 2500,
    });
    const until = Date.now() + 30_000;
    while ((await p.nim.callsOf(runId)).length === 0 && Date.now() < until) await sleep(50);
    expect(await p.nim.callsOf(runId)).toEqual([expect.objectContaining({ finished_at: null })]);
    const cancel = await p.call('POST', `/v1/admin/runs/${runId}/cancel`);
    expect(cancel.body).toMatchObject({ run_id: runId, status: 'cancelled' });
    while ((await p.nim.callsOf(runId))[0].finished_at === null && Date.now() < until) await sleep(50);
    expect((await p.nim.callsOf(runId))[0].status).toBe(200);
    await sleep(1500);
    expect((await p.call('GET', `/v1/admin/runs/${runId}`)).body).toMatchObject({ status: 'cancelled', last_error: null });
    expect((await p.logs(runId)).map((l) => l.status)).toEqual(['requested', 'running', 'cancelled']);
    expect(typesOf(runId)).toEqual(['step:orchestrator']);
  });

  it('a redelivered video.run.requested (the same envelope twice on the stream) runs the orchestrator once: the inbox dedupes it', async () => {
    const runId = await p.startRun(await p.workflowWith('redelivery'), {
      prompt: 'a fox, once',
      fake_nim_mode: 'slow',
      fake_nim_delay_ms: 2000,
    });
    const until = Date.now() + 30_000;
    while ((await p.nim.callsOf(runId)).length === 0 && Date.now() < until) await sleep(50);
    const redis = createRedisClient(testRedisUrl(), 'generation-e2e');
    try {
      await redis.connect();
      const stream = streamKey(p.streamPrefix, 'video.run.requested');
      const entries = (await redis.xrange(stream, '-', '+')) as Array<[string, string[]]>;
      const envelope = entries.map(([, fields]) => fields[1]).find((body) => JSON.parse(body).payload.runId === runId);
      expect(envelope).toBeDefined();
      await redis.xadd(stream, '*', 'envelope', envelope!);
    } finally {
      redis.disconnect();
    }
    const run = await p.waitRun(runId, (r) => FINAL.includes(r.status), 90_000);
    expect(run.status).toBe('published');
    await sleep(1000);
    expect((await p.logs(runId)).filter((l) => l.status === 'running')).toHaveLength(1);
    expect(typesOf(runId).filter((t) => t === 'step:orchestrator')).toHaveLength(1);
    expect(await p.nim.callsOf(runId)).toHaveLength(1);
  });

  it('a failed run retried after the provider recovered goes to published as attempt 2 with its own idempotency key', async () => {
    const workflowId = await p.workflowWith('retry', { timeout_ms: 20002, max_retries: 0 });
    await p.nim.setMode('fail');
    let runId: string;
    try {
      runId = await p.startRun(workflowId, { prompt: 'a fox tries again' });
      expect(await p.waitRun(runId, (r) => FINAL.includes(r.status))).toMatchObject({ status: 'failed', last_error: 'nim_provider_error' });
    } finally {
      await p.nim.setMode('ok');
    }
    expect((await p.call('POST', `/v1/admin/runs/${runId}/retry`)).body).toEqual({ run_id: runId, status: 'requested' });
    const run = await p.waitRun(runId, (r) => FINAL.includes(r.status), 90_000);
    expect(run).toMatchObject({ status: 'published', last_error: null });
    expect((await p.logs(runId)).map((l) => l.status)).toEqual([
      'requested',
      'running',
      'failed',
      'requested',
      'running',
      'generated',
      'qc_passed',
      'in_review',
      'published',
    ]);
    expect((await p.nim.callsOf(runId)).map((c) => [c.status, c.idempotency_key])).toEqual([
      [503, `${runId}:1`],
      [200, `${runId}:2`],
    ]);
    expect(p.eventsOf(runId).find((e) => e.type === 'media.uploaded')?.payload).toMatchObject({
      assetId: `gen-${runId}-a2`,
      reviewRequired: false,
    });
  });

  it('auto_publish false stops at in_review: moderation queues the asset (reviewRequired) and nothing is published', async () => {
    const runId = await p.startRun(await p.workflowWith('review'), { prompt: 'a fox waits' }, false);
    const run = await p.waitRun(runId, (r) => r.status === 'in_review' || FINAL.includes(r.status), 90_000);
    expect(run).toMatchObject({ status: 'in_review', auto_publish: false });
    expect(p.eventsOf(runId).find((e) => e.type === 'media.uploaded')?.payload).toMatchObject({ reviewRequired: true });
    expect((await p.logs(runId)).at(-1)).toMatchObject({
      status: 'in_review',
      step: 'moderation',
      message: expect.stringContaining('review_required'),
    });
    await sleep(1500);
    expect((await p.call('GET', `/v1/admin/runs/${runId}`)).body.status).toBe('in_review');
  });
});
