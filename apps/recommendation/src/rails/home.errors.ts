import { PlatformError } from '@mikasmissions/http';

/** 403 `mode_not_allowed`: the requested mode is above the child's real age band (never clamped). */
export class ModeNotAllowedError extends PlatformError {
  constructor(mode: string) {
    super(403, 'mode_not_allowed', `mode ${mode} is above this child's age band`);
  }
}

/** 400 `invalid_mode`: `mode` is not one of early, core, teen. */
export class InvalidModeError extends PlatformError {
  constructor() {
    super(400, 'invalid_mode', 'mode must be one of early, core, teen');
  }
}

/** 404 `child_profile_not_found`: profile does not know the child. */
export class ChildProfileNotFoundError extends PlatformError {
  constructor() {
    super(404, 'child_profile_not_found', 'no such child profile');
  }
}
