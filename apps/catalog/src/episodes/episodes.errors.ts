import { PlatformError } from '@mikasmissions/http';

/** No published episode with this id (or, on internal reads, none at all): 404 `episode_not_found`. */
export class EpisodeNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'episode_not_found', `no episode with id ${JSON.stringify(id.slice(0, 128))}`);
  }
}

/** Why a child may not see an episode (`details.reason` of {@link EpisodeNotAllowedError}). */
export type EpisodeDenial = 'above_child_age_band' | 'above_max_age_band' | 'show_blocked' | 'show_not_approved' | 'child_profile_unknown';

/** The episode exists but the child's band or parent's controls exclude it: 403 `episode_not_allowed`. */
export class EpisodeNotAllowedError extends PlatformError {
  constructor(reason: EpisodeDenial) {
    super(403, 'episode_not_allowed', 'this episode is not allowed for this child', { reason });
  }
}

/** `limit` is not an integer from 1 to the maximum: 400 `invalid_limit`. */
export class InvalidLimitError extends PlatformError {
  constructor(max: number) {
    super(400, 'invalid_limit', `limit must be an integer from 1 to ${max}`, { min: 1, max });
  }
}

/** `cursor` is not one this service handed out: 400 `invalid_cursor`. */
export class InvalidCursorError extends PlatformError {
  constructor() {
    super(400, 'invalid_cursor', 'cursor is not a next_cursor of this listing');
  }
}

/** `age_band` or `max_age_band` is not an age band: 400 `invalid_age_band`. */
export class InvalidAgeBandError extends PlatformError {
  constructor(field: string) {
    super(400, 'invalid_age_band', `${field} must be one of 3-5, 6-11, 12-16`, { field });
  }
}
