import type { NewRun, RunChange, RunChangeOutcome, RunLogEntry, RunRecord } from './run';

/** Port: where runs and their logs live. Adapters: memory, Postgres (plain SQL). */
export abstract class RunsRepository {
  /** Stores a `requested` run (attempt 1) and its first log entry. */
  abstract create(run: NewRun, log: { step: string; message: string }): Promise<RunRecord>;
  /** The run, or `null`. */
  abstract find(id: string): Promise<RunRecord | null>;
  /**
   * Moves the run to `change.to` only when the state machine allows it from its current state,
   * atomically (two racing changes cannot both win), and appends the log entry with it.
   */
  abstract change(id: string, change: RunChange): Promise<RunChangeOutcome>;
  /** The run's log, oldest first; `null` for an unknown run. */
  abstract logs(id: string): Promise<RunLogEntry[] | null>;
}
