import { StoreUnavailableError } from '@mikasmissions/http';

/** 503 `profile_unavailable` + `Retry-After`: the profile service could not say whose child this is. */
export class ProfileUnavailableError extends StoreUnavailableError {
  constructor(cause?: unknown) {
    super('profile_unavailable', 'the profile service is unavailable; retry shortly', { retryAfterSec: 2, cause });
  }
}
