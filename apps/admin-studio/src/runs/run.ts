import type { Schema } from '@mikasmissions/contracts-api';

/** A run's state (the contract's `RunStatus`). */
export type RunStatus = Schema<'RunStatus'>;

/** A run's priority (the contract's `RunPriority`). */
export type RunPriority = Schema<'RunPriority'>;

/** A run as the API returns it (the contract's `Run`; its free-form `input_payload` typed as a record). */
export type Run = Omit<Schema<'Run'>, 'input_payload'> & { input_payload: Record<string, unknown> };

/** One log entry of a run (the contract's `RunLogEntry`). */
export type RunLogEntry = Schema<'RunLogEntry'>;

/** A run as stored: the API's fields plus what the workers need. */
export interface RunRecord extends Run {
  /** The workflow version the run was (last) requested against. */
  workflow_version: number;
  model_profile_id: string;
  /** 1 on create, +1 per retry. */
  attempt: number;
}

/** What starting a run stores (status `requested`, attempt 1). */
export interface NewRun {
  workflow_id: string;
  workflow_version: number;
  model_profile_id: string;
  priority: RunPriority;
  auto_publish: boolean;
  input_payload: Record<string, unknown>;
}

/** One state change: the target, the log entry it writes and the run's `last_error` after it. */
export interface RunChange {
  to: RunStatus;
  step: string;
  message: string;
  /** The failure code (`failed`), or `null` to clear it; unchanged when absent. */
  lastError?: string | null;
  /** Retry: attempt + 1. */
  nextAttempt?: boolean;
  /** Move only while the run is at this attempt (a worker of an older attempt is refused). */
  ifAttempt?: number;
}

/** The outcome of a change: the moved run, a refusal with the current state, or no such run. */
export type RunChangeOutcome =
  { kind: 'moved'; run: RunRecord } | { kind: 'conflict'; status: RunStatus; attempt: number } | { kind: 'missing' };

/** A run as the public API returns it: without the worker fields. */
export const toPublicRun = (r: RunRecord): Run => ({
  run_id: r.run_id,
  workflow_id: r.workflow_id,
  status: r.status,
  priority: r.priority,
  auto_publish: r.auto_publish,
  input_payload: r.input_payload,
  last_error: r.last_error,
});
