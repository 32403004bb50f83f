import { PlatformError } from '@mikasmissions/http';

/** A watch event without one of its required fields: 400 `missing_fields` (`details.fields`). */
export class MissingFieldsError extends PlatformError {
  constructor(fields: string[]) {
    super(400, 'missing_fields', `missing required fields: ${fields.join(', ')}`, { fields });
  }
}

/** A body that is not the request's shape (unknown field, malformed id): 400 `validation_failed`. */
export class WatchEventValidationError extends PlatformError {
  constructor(problems: Array<{ path: string; message: string }>) {
    super(400, 'validation_failed', 'the watch event is not valid', problems);
  }
}

/** `watch_ms` not an integer in 0 … the episode's duration plus slack: 400 `invalid_watch_ms`. */
export class InvalidWatchMsError extends PlatformError {
  constructor(message: string, details?: { max_watch_ms: number }) {
    super(400, 'invalid_watch_ms', message, details);
  }
}

/** `event_time` not RFC 3339, or in the future beyond the clock skew: 400 `invalid_event_time`. */
export class InvalidEventTimeError extends PlatformError {
  constructor(message: string) {
    super(400, 'invalid_event_time', message);
  }
}

/** The catalog has no such episode: 404 `episode_not_found`. */
export class EpisodeNotFoundError extends PlatformError {
  constructor(episodeId: string) {
    super(404, 'episode_not_found', `no episode ${JSON.stringify(episodeId.slice(0, 128))}`);
  }
}
