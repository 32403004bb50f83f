import type { RequestBody } from '@mikasmissions/contracts-api';
import { InvalidEventTimeError, InvalidWatchMsError, MissingFieldsError, WatchEventValidationError } from '../watch-events.errors';

/** The body of `POST /v1/progress/watch-events`, as the contract types it. */
export type WatchEventRequest = RequestBody<'recordWatchEvent'>;

/** A parsed watch event: the contract's body with `event_time` as an instant. */
export interface ParsedWatchEvent {
  childProfileId: string;
  episodeId: string;
  watchMs: number;
  eventTime: Date;
}

const FIELDS = ['child_profile_id', 'episode_id', 'watch_ms', 'event_time'] as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const RFC3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const isId = (value: unknown): value is string => typeof value === 'string' && value.length <= 128 && ID.test(value);

/**
 * Checks a watch event's body in the order a client can act on: the shape (400
 * `validation_failed`), missing fields (400 `missing_fields`), `watch_ms` (400
 * `invalid_watch_ms`: an integer ≥ 0), `event_time` (400 `invalid_event_time`: RFC 3339), the
 * ids. The duration bound and the clock skew are checked by the service.
 *
 * @example
 * parseWatchEvent({ child_profile_id: 'c1', episode_id: 'ep1', watch_ms: 60000, event_time: '2026-12-01T10:00:00Z' })
 */
export function parseWatchEvent(body: unknown): ParsedWatchEvent {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new WatchEventValidationError([{ path: '', message: 'expected a JSON object' }]);
  const input = body as Record<string, unknown>;
  const missing = FIELDS.filter((field) => input[field] === undefined || input[field] === null || input[field] === '');
  if (missing.length > 0) throw new MissingFieldsError([...missing]);
  const unknown = Object.keys(input).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) throw new WatchEventValidationError(unknown.map((key) => ({ path: key, message: 'unknown field' })));
  const { watch_ms: watchMs, event_time: eventTime } = input;
  if (typeof watchMs !== 'number' || !Number.isSafeInteger(watchMs) || watchMs < 0)
    throw new InvalidWatchMsError('watch_ms must be an integer ≥ 0 (milliseconds)');
  if (typeof eventTime !== 'string' || !RFC3339.test(eventTime) || Number.isNaN(Date.parse(eventTime))) {
    throw new InvalidEventTimeError('event_time must be an RFC 3339 timestamp, e.g. 2026-12-01T10:00:00Z');
  }
  const badIds = (['child_profile_id', 'episode_id'] as const).filter((field) => !isId(input[field]));
  if (badIds.length > 0)
    throw new WatchEventValidationError(badIds.map((path) => ({ path, message: 'must be an id (letters, digits, _ . : -; at most 128)' })));
  return {
    childProfileId: input.child_profile_id as string,
    episodeId: input.episode_id as string,
    watchMs,
    eventTime: new Date(eventTime),
  };
}
