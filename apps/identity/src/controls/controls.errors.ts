import { PlatformError } from '@mikasmissions/http';

/** The codes a controls field fails with (one per field, from the contract). */
export type ControlsErrorCode =
  | 'validation_failed'
  | 'invalid_session_limit'
  | 'invalid_bedtime_window'
  | 'invalid_safety_mode'
  | 'invalid_timezone'
  | 'invalid_age_band'
  | 'invalid_approved_only'
  | 'invalid_approved_show_ids'
  | 'invalid_blocked_show_ids'
  | 'invalid_search_enabled'
  | 'invalid_history_paused';

/** A PUT body field that is not a valid control (400, `details.field` names it). */
export class InvalidControlsError extends PlatformError {
  constructor(code: ControlsErrorCode, field: string, message: string) {
    super(400, code, message, { field });
  }
}

export { ChildProfileNotFoundError } from '../family-scope/family.errors';
