import { PlatformError } from '@mikasmissions/http';

/** A child with no watch events that no service knows either: 404 `child_progress_not_found`. */
export class ChildProgressNotFoundError extends PlatformError {
  constructor() {
    super(404, 'child_progress_not_found', 'no progress for this child');
  }
}

/** `date` of the usage route not a `YYYY-MM-DD` calendar day: 400 `validation_failed`. */
export class InvalidUsageDateError extends PlatformError {
  constructor() {
    super(400, 'validation_failed', 'date must be a calendar day YYYY-MM-DD', [{ path: 'date', message: 'expected YYYY-MM-DD' }]);
  }
}
