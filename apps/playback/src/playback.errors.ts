import { PlatformError } from '@mikasmissions/http';

/** A required field of the request is absent: 400 `missing_fields` (`details.fields`). */
export class MissingFieldsError extends PlatformError {
  constructor(fields: string[]) {
    super(400, 'missing_fields', `missing required fields: ${fields.join(', ')}`, { fields });
  }
}

/** `safety_mode` is not `strict` or `balanced`: 400 `invalid_safety_mode`. */
export class InvalidSafetyModeError extends PlatformError {
  constructor() {
    super(400, 'invalid_safety_mode', 'safety_mode must be "strict" or "balanced"');
  }
}

/** `session_limit_minutes` is not an integer from 5 to 180: 400 `invalid_session_limit`. */
export class InvalidSessionLimitError extends PlatformError {
  constructor() {
    super(400, 'invalid_session_limit', 'session_limit_minutes must be an integer from 5 to 180');
  }
}

/** The caller may not act for this child: 403 `child_profile_forbidden`. */
export class ChildProfileForbiddenError extends PlatformError {
  constructor() {
    super(403, 'child_profile_forbidden', 'this child profile is not yours');
  }
}

/** Profile does not know the child: 404 `child_profile_not_found`. */
export class ChildProfileNotFoundError extends PlatformError {
  constructor() {
    super(404, 'child_profile_not_found', 'no such child profile');
  }
}

/** Catalog does not know the episode, or it is not published: 404 `episode_not_found`. */
export class EpisodeNotFoundError extends PlatformError {
  constructor(episodeId: string) {
    super(404, 'episode_not_found', `no playable episode ${JSON.stringify(episodeId.slice(0, 64))}`);
  }
}

/** The episode is above the child's or the parent's age band, blocked, or not approved: 403 `episode_not_allowed` (`details.reason`). */
export class EpisodeNotAllowedError extends PlatformError {
  constructor(reason: 'age_band' | 'max_age_band' | 'blocked_show' | 'not_approved') {
    super(403, 'episode_not_allowed', 'this episode is not allowed for this child', { reason });
  }
}

/** Today's minutes are used up: 403 `session_cap_reached` (`details.limit_minutes`, `details.used_minutes`). */
export class SessionCapReachedError extends PlatformError {
  constructor(limitMinutes: number, usedMinutes: number) {
    super(403, 'session_cap_reached', 'the daily watch limit is reached', { limit_minutes: limitMinutes, used_minutes: usedMinutes });
  }
}

/** It is bedtime on the child's clock: 403 `bedtime_active`. */
export class BedtimeActiveError extends PlatformError {
  constructor(window: string) {
    super(403, 'bedtime_active', 'it is bedtime for this child', { bedtime_window: window });
  }
}

/** The family has no active plan (billing says so; the client's `entitlement_status` is ignored): 403 `entitlement_required`. */
export class EntitlementRequiredError extends PlatformError {
  constructor() {
    super(403, 'entitlement_required', 'an active subscription is required');
  }
}

/** Billing cannot answer (down, slow, breaker open): 503 `entitlement_unavailable` + `Retry-After`; playback fails closed. */
export class EntitlementUnavailableError extends PlatformError {
  constructor(reason: string, retryAfterSec = 1) {
    super(
      503,
      'entitlement_unavailable',
      'the entitlement cannot be checked right now; retry shortly',
      { reason },
      {
        'retry-after': String(Math.max(1, Math.ceil(retryAfterSec))),
      },
    );
  }
}

/** Autoplay was asked for in strict mode or against the parent's autoplay setting: 403 `autoplay_blocked`. */
export class AutoplayBlockedError extends PlatformError {
  constructor() {
    super(403, 'autoplay_blocked', 'autoplay is not allowed for this child');
  }
}

/** `device_type=external-link` without a fresh single-use parent gate token: 403 `parent_gate_required`. */
export class ParentGateRequiredError extends PlatformError {
  constructor() {
    super(403, 'parent_gate_required', 'a parent gate is required for external links');
  }
}

/** No playback session with this id: 404 `session_not_found`. */
export class SessionNotFoundError extends PlatformError {
  constructor() {
    super(404, 'session_not_found', 'no such playback session');
  }
}

/** A stream URL whose signature is bad, expired or for another session or file: 403 `invalid_stream_signature`. */
export class InvalidStreamSignatureError extends PlatformError {
  constructor(message = 'the stream signature is invalid or expired') {
    super(403, 'invalid_stream_signature', message);
  }
}

/** A thumbnail that is not served: unknown or unpublished episode, not an image, or not in the store: 404 `media_not_found`. */
export class MediaNotFoundError extends PlatformError {
  constructor() {
    super(404, 'media_not_found', 'no such published episode image');
  }
}

/** A signed stream file that the media store does not hold: 404 `stream_not_found`. */
export class StreamNotFoundError extends PlatformError {
  constructor() {
    super(404, 'stream_not_found', 'no such stream file');
  }
}
