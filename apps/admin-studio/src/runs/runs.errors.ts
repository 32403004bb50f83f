import { PlatformError } from '@mikasmissions/http';
import type { RunStatus } from './run';

/** No run with this id: 404 `run_not_found`. */
export class RunNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'run_not_found', `no run with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}

/** A state change the state machine does not allow: 409 `run_state_conflict` (`details: { status, requested }`). */
export class RunStateConflictError extends PlatformError {
  constructor(status: RunStatus, requested: RunStatus, attempt?: number) {
    super(409, 'run_state_conflict', `a ${status} run cannot become ${requested}`, {
      status,
      requested,
      ...(attempt === undefined ? {} : { attempt }),
    });
  }
}
