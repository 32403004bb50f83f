import { PlatformError } from '@mikasmissions/http';

/** `Idempotency-Key` missing on a route declared `required`. */
export class IdempotencyKeyRequiredError extends PlatformError {
  constructor() {
    super(400, 'idempotency_key_required', 'This endpoint requires an Idempotency-Key header');
  }
}

/** `Idempotency-Key` that is not 1–255 printable ASCII characters. */
export class InvalidIdempotencyKeyError extends PlatformError {
  constructor() {
    super(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1-255 printable ASCII characters');
  }
}

/** Same key reused with a different method, path or body. */
export class IdempotencyKeyMismatchError extends PlatformError {
  constructor() {
    super(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request (method, path or body)');
  }
}

/** Same key while the first request is still running. */
export class IdempotencyConflictError extends PlatformError {
  constructor(retryAfterSeconds: number) {
    super(409, 'idempotency_in_flight', 'A request with this Idempotency-Key is still being processed; retry later', undefined, {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

/**
 * The claim expired and was taken by another request before this one stored its answer (a
 * transactional store): this request's writes were rolled back, the other request's stand.
 */
export class IdempotencyClaimLostError extends IdempotencyConflictError {
  constructor() {
    super(1);
  }
}

/** The idempotency store cannot be reached: the write is refused rather than risk running twice. */
export class IdempotencyUnavailableError extends PlatformError {
  constructor() {
    super(503, 'idempotency_unavailable', 'Idempotency store is unavailable; retry later', undefined, { 'retry-after': '1' });
  }
}

/** A stored 4xx answer, replayed. */
export class ReplayedError extends PlatformError {}
