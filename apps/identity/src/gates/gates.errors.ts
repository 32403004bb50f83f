import { PlatformError } from '@mikasmissions/http';

/** A required body field is missing (400). */
export class MissingFieldsError extends PlatformError {
  constructor(fields: string[]) {
    super(400, 'missing_fields', `missing: ${fields.join(', ')}`, { fields });
  }
}

/** A body field has the wrong type or shape (400 `validation_failed`). */
export class GateValidationError extends PlatformError {
  constructor(field: string, message: string) {
    super(400, 'validation_failed', message, { field });
  }
}

/** `method` is not `pin` or `math` (400). */
export class InvalidGateMethodError extends PlatformError {
  constructor() {
    super(400, 'invalid_gate_method', 'method must be pin or math');
  }
}

/** A PIN that is not 4 to 6 digits (400). */
export class InvalidPinError extends PlatformError {
  constructor() {
    super(400, 'invalid_pin', 'pin must be 4 to 6 digits');
  }
}

/** A `pin` gate for a parent who has not set a PIN (422). */
export class PinNotSetError extends PlatformError {
  constructor() {
    super(422, 'pin_not_set', 'set a PIN first (PUT /v1/parents/pin) or use the math gate');
  }
}

/** The password re-check failed (403; counts toward the gate lockout). */
export class InvalidCredentialsError extends PlatformError {
  constructor() {
    super(403, 'invalid_credentials', 'the password is not right');
  }
}

/** Unknown, expired, used, someone else's, or wrongly answered challenge (403). */
export class InvalidOrReplayedChallengeError extends PlatformError {
  constructor() {
    super(403, 'invalid_or_replayed_challenge', 'this challenge cannot be answered (wrong, expired or already used)');
  }
}

/** Gates are locked for this parent after too many wrong answers (403, `Retry-After`). */
export class GateLockedError extends PlatformError {
  constructor(lockedUntil: Date, now = Date.now()) {
    super(
      403,
      'gate_locked',
      'too many wrong answers; parent gates are locked for a while',
      { locked_until: lockedUntil.toISOString() },
      { 'Retry-After': String(Math.max(1, Math.ceil((lockedUntil.getTime() - now) / 1000))) },
    );
  }
}

/** A gate token that is unknown, expired, used, or bound to another child (403). */
export class InvalidGateTokenError extends PlatformError {
  constructor() {
    super(403, 'invalid_gate_token', 'the gate token is not valid for this child (expired, used or unknown)');
  }
}
