import { type GenerationPlatform, type GenerationStores, type Json, startGenerationPlatform } from './testing/generation-platform';

jest.setTimeout(120_000);

const CHAIN = ['requested', 'running', 'generated', 'qc_passed', 'in_review', 'published'];

/** Prints a run's timeline: each state with its step and the time since the run was requested. */
function timeline(label: string, logs: Json[]): string {
  const start = Date.parse(logs[0].event_time);
  const rows = logs.map((l, i) => {
    const at = Date.parse(l.event_time);
    const since = i === 0 ? 0 : at - Date.parse(logs[i - 1].event_time);
    return `  ${String(at - start).padStart(6)} ms  +${String(since).padStart(5)} ms  ${l.status.padEnd(10)} ${l.step.padEnd(12)} ${l.message}`;
  });
  return `run timeline (${label}):\n${rows.join('\n')}`;
}

describe.each<GenerationStores>(['memory', 'postgres'])('generation: a run moves to published (%s stores, events over Redis)', (stores) => {
  let p: GenerationPlatform;

  beforeAll(async () => {
    p = await startGenerationPlatform(stores);
  }, 180_000);
  afterAll(async () => {
    await p?.stop();
  });

  it('requested → running → generated → qc_passed → in_review → published; the fake NIM got the profile, the safety preset and one idempotency key', async () => {
    const workflowId = await p.workflowWith(`happy-${stores}`);
    const runId = await p.startRun(workflowId, { prompt: 'a fox counts to ten' });
    const run = await p.waitRun(runId, (r) => ['published', 'failed', 'cancelled'].includes(r.status), 90_000);
    expect(run).toMatchObject({ run_id: runId, status: 'published', last_error: null, auto_publish: true });

    const logs = await p.logs(runId);
    expect(logs.map((l) => l.status)).toEqual(CHAIN);
    expect(logs.map((l) => l.step)).toEqual(['admin', 'orchestrator', 'provider', 'qc', 'pipeline', 'publish']);
    console.log(timeline(stores, logs));

    const calls = await p.nim.callsOf(runId);
    expect(calls).toEqual([
      expect.objectContaining({ idempotency_key: `${runId}:1`, safety_preset: 'kids-strict', status: 200, replayed: false }),
    ]);

    const steps = p.eventsOf(runId).filter((e) => e.type === 'video.run.step.completed');
    expect(steps.map((s) => [s.payload.step, s.payload.status])).toEqual([
      ['orchestrator', 'running'],
      ['provider', 'generated'],
      ['qc', 'qc_passed'],
    ]);
    console.log(`stage timings (${stores}): ${steps.map((s) => `${s.payload.step} ${s.payload.stageMs} ms`).join(', ')}`);
    const upload = p.eventsOf(runId).find((e) => e.type === 'media.uploaded');
    expect(upload?.payload).toMatchObject({
      episodeId: `gen-${runId}-a1`,
      assetId: `gen-${runId}-a1`,
      creatorId: 'admin-studio',
      title: `Generated happy-${stores}`,
      summary: 'a fox counts to ten',
      ageBand: '6-11',
      runId,
      reviewRequired: false,
      sourceUrl: expect.stringMatching(new RegExp(`^${p.nim.url}/assets/nim-`)),
    });
    expect(p.eventsOf(runId).filter((e) => e.type === 'video.run.failed')).toEqual([]);
  });
});
