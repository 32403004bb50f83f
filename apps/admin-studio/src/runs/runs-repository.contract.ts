import type { NewRun, RunStatus } from './run';
import { RUN_TRANSITIONS } from './run-state-machine';
import type { RunsRepository } from './runs.repository';

const ALL: RunStatus[] = ['requested', 'running', 'generated', 'qc_passed', 'in_review', 'published', 'failed', 'cancelled'];
const CHAIN: RunStatus[] = ['running', 'generated', 'qc_passed', 'in_review', 'published'];

/** A run to start; `overrides` replace fields. */
export const sampleNewRun = (overrides: Partial<NewRun> = {}): NewRun => ({
  workflow_id: 'wf-contract',
  workflow_version: 1,
  model_profile_id: 'nim-default',
  priority: 'normal',
  auto_publish: false,
  input_payload: { prompt: 'a friendly robot counts stars' },
  ...overrides,
});

/** The behaviour every RunsRepository adapter must have (memory and Postgres specs run it). */
export function runsRepositoryContract(name: string, make: () => Promise<RunsRepository> | RunsRepository): void {
  describe(`RunsRepository contract: ${name}`, () => {
    let repo: RunsRepository;
    const step = { step: 'admin', message: 'moved' };

    beforeEach(async () => {
      repo = await make();
    });

    /** A fresh run driven to `status` along allowed moves. */
    const runIn = async (status: RunStatus): Promise<string> => {
      const { run_id } = await repo.create(sampleNewRun(), { step: 'admin', message: 'requested' });
      const path: RunStatus[] = status === 'failed' || status === 'cancelled' ? [status] : CHAIN.slice(0, CHAIN.indexOf(status) + 1);
      for (const to of path) expect((await repo.change(run_id, { ...step, to })).kind).toBe('moved');
      return run_id;
    };

    it('stores a requested run at attempt 1 with its first log entry', async () => {
      const run = await repo.create(sampleNewRun({ priority: 'high', auto_publish: true }), {
        step: 'admin',
        message: 'requested by admin',
      });
      expect(run).toEqual({
        run_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        ...sampleNewRun({ priority: 'high', auto_publish: true }),
        status: 'requested',
        last_error: null,
        attempt: 1,
      });
      expect(await repo.find(run.run_id)).toEqual(run);
      expect(await repo.logs(run.run_id)).toEqual([
        { run_id: run.run_id, step: 'admin', status: 'requested', message: 'requested by admin', event_time: expect.any(String) },
      ]);
      expect(await repo.find('no-such-run')).toBeNull();
      expect(await repo.logs('no-such-run')).toBeNull();
    });

    it('walks the whole chain to published, one log entry per move, oldest first', async () => {
      const id = await runIn('published');
      expect((await repo.find(id))?.status).toBe('published');
      expect((await repo.logs(id))?.map((e) => e.status)).toEqual(['requested', ...CHAIN]);
    });

    it.each(ALL)('from %s allows exactly the moves of the state machine and refuses the rest', async (from) => {
      for (const to of ALL) {
        const id = await runIn(from);
        const outcome = await repo.change(id, { ...step, to });
        if (RUN_TRANSITIONS[from].includes(to)) expect(outcome).toMatchObject({ kind: 'moved', run: { status: to } });
        else expect(outcome).toEqual({ kind: 'conflict', status: from, attempt: 1 });
      }
    });

    it('records last_error on failure, clears it and counts the attempt on retry', async () => {
      const id = await runIn('running');
      const failed = await repo.change(id, {
        to: 'failed',
        step: 'provider',
        message: 'provider rejected',
        lastError: 'nim_provider_rejected',
      });
      expect(failed).toMatchObject({ kind: 'moved', run: { status: 'failed', last_error: 'nim_provider_rejected', attempt: 1 } });
      const retried = await repo.change(id, { to: 'requested', step: 'admin', message: 'retry', lastError: null, nextAttempt: true });
      expect(retried).toMatchObject({ kind: 'moved', run: { status: 'requested', last_error: null, attempt: 2 } });
    });

    it('refuses a move bound to another attempt (a worker of an attempt that was retried since)', async () => {
      const id = await runIn('failed');
      await repo.change(id, { to: 'requested', step: 'admin', message: 'retry', lastError: null, nextAttempt: true });
      expect(await repo.change(id, { ...step, to: 'running', ifAttempt: 1 })).toEqual({
        kind: 'conflict',
        status: 'requested',
        attempt: 2,
      });
      expect(await repo.change(id, { ...step, to: 'running', ifAttempt: 2 })).toMatchObject({
        kind: 'moved',
        run: { status: 'running', attempt: 2 },
      });
    });

    it('answers missing for an unknown run', async () => {
      expect(await repo.change('no-such-run', { ...step, to: 'cancelled' })).toEqual({ kind: 'missing' });
    });

    it('lets only one of two racing changes win', async () => {
      const id = await runIn('requested');
      const outcomes = await Promise.all([repo.change(id, { ...step, to: 'cancelled' }), repo.change(id, { ...step, to: 'cancelled' })]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['conflict', 'moved']);
      expect((await repo.logs(id))?.filter((e) => e.status === 'cancelled')).toHaveLength(1);
    });
  });
}
