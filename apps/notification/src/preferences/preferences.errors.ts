import { PlatformError } from '@mikasmissions/http';

/** 400 `invalid_timezone`: not an IANA zone this runtime knows. */
export class InvalidTimezoneError extends PlatformError {
  constructor() {
    super(400, 'invalid_timezone', 'timezone must be an IANA zone such as Europe/Berlin', [
      { path: ['timezone'], message: 'unknown time zone' },
    ]);
  }
}
