import type { RunStatus } from './run';

/**
 * Every allowed move of a run: the chain requested → running → generated → qc_passed →
 * in_review → published, `failed` or `cancelled` from any step before `published`, and a retry
 * (back to `requested`) only from `failed` or `cancelled`. `published` is final.
 */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  requested: ['running', 'failed', 'cancelled'],
  running: ['generated', 'failed', 'cancelled'],
  generated: ['qc_passed', 'failed', 'cancelled'],
  qc_passed: ['in_review', 'failed', 'cancelled'],
  in_review: ['published', 'failed', 'cancelled'],
  published: [],
  failed: ['requested'],
  cancelled: ['requested'],
};

/** Whether a run may move from `from` to `to`. */
export const canMove = (from: RunStatus, to: RunStatus): boolean => RUN_TRANSITIONS[from].includes(to);

/** The states a run may move to `to` from. */
export const statesLeadingTo = (to: RunStatus): RunStatus[] =>
  (Object.keys(RUN_TRANSITIONS) as RunStatus[]).filter((from) => canMove(from, to));
