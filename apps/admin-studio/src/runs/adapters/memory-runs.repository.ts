import { uuidv7 } from 'uuidv7';
import type { NewRun, RunChange, RunChangeOutcome, RunLogEntry, RunRecord } from '../run';
import { canMove } from '../run-state-machine';
import { RunsRepository } from '../runs.repository';

const copy = (r: RunRecord): RunRecord => ({ ...r, input_payload: structuredClone(r.input_payload) });

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryRunsRepository extends RunsRepository {
  private readonly rows = new Map<string, RunRecord>();
  private readonly entries = new Map<string, RunLogEntry[]>();

  async create(run: NewRun, log: { step: string; message: string }): Promise<RunRecord> {
    const stored: RunRecord = {
      run_id: uuidv7(),
      ...run,
      input_payload: structuredClone(run.input_payload),
      status: 'requested',
      last_error: null,
      attempt: 1,
    };
    this.rows.set(stored.run_id, stored);
    this.entries.set(stored.run_id, [
      { run_id: stored.run_id, step: log.step, status: 'requested', message: log.message, event_time: new Date().toISOString() },
    ]);
    return copy(stored);
  }

  async find(id: string): Promise<RunRecord | null> {
    const found = this.rows.get(id);
    return found ? copy(found) : null;
  }

  async change(id: string, change: RunChange): Promise<RunChangeOutcome> {
    const found = this.rows.get(id);
    if (!found) return { kind: 'missing' };
    if (!canMove(found.status, change.to) || (change.ifAttempt !== undefined && change.ifAttempt !== found.attempt))
      return { kind: 'conflict', status: found.status, attempt: found.attempt };
    found.status = change.to;
    if (change.lastError !== undefined) found.last_error = change.lastError;
    if (change.nextAttempt) found.attempt += 1;
    this.entries
      .get(id)
      ?.push({ run_id: id, step: change.step, status: change.to, message: change.message, event_time: new Date().toISOString() });
    return { kind: 'moved', run: copy(found) };
  }

  async logs(id: string): Promise<RunLogEntry[] | null> {
    const found = this.entries.get(id);
    return found ? found.map((e) => ({ ...e })) : null;
  }
}
