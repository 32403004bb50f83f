/** A run's state, as admin-studio's state machine names it. */
export type RunStatus = 'requested' | 'running' | 'generated' | 'qc_passed' | 'in_review' | 'published' | 'failed' | 'cancelled';

/** The model profile a run uses (admin-studio's `ModelProfile`). */
export interface ModelProfile {
  model_profile_id: string;
  provider: 'nvidia_nim';
  base_url: string;
  model_id: string;
  timeout_ms: number;
  max_retries: number;
  safety_preset: string;
}

/** What admin-studio's `GET /internal/runs/{run_id}` answers: the run, its workflow (as of the run's version) and its model profile. */
export interface RunView {
  run: {
    run_id: string;
    workflow_id: string;
    workflow_version: number;
    model_profile_id: string;
    status: RunStatus;
    attempt: number;
    auto_publish: boolean;
    priority: 'low' | 'normal' | 'high';
    input_payload: Record<string, unknown>;
    last_error: string | null;
  };
  workflow: {
    workflow_id: string;
    version: number;
    name: string;
    age_band: '3-5' | '6-11' | '12-16';
    content_suitability: string;
    safety_profile: string;
  } | null;
  model_profile: ModelProfile | null;
}

/** The outcome of a requested move: made, refused (with the run's state and attempt then) or no such run. */
export type MoveOutcome = { kind: 'moved' } | { kind: 'conflict'; status: RunStatus; attempt?: number } | { kind: 'missing' };

/** A move a stage asks for (admin-studio's `POST /internal/runs/{run_id}/transitions` body). */
export interface MoveRequest {
  status: Exclude<RunStatus, 'requested' | 'cancelled'>;
  step: string;
  message: string;
  /** The failure code, with `failed` only. */
  error?: string;
  /** The attempt the stage works on. */
  attempt: number;
}
