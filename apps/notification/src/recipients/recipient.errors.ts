import { PlatformError, StoreUnavailableError } from '@mikasmissions/http';

/** 503 `identity_unavailable` + `Retry-After`: identity could not answer for a parent (down, 5xx, or an answer off its contract). */
export class IdentityUnavailableError extends StoreUnavailableError {
  constructor(cause?: unknown) {
    super('identity_unavailable', 'the identity service is unavailable; retry shortly', { retryAfterSec: 2, cause });
  }
}

/** 503 `profile_unavailable` + `Retry-After`: profile could not say which parents have a child in a band. */
export class ProfileUnavailableError extends StoreUnavailableError {
  constructor(cause?: unknown) {
    super('profile_unavailable', 'the profile service is unavailable; retry shortly', { retryAfterSec: 2, cause });
  }
}

/** 404 `parent_not_found`: identity knows no such parent in the tenant. */
export class ParentNotFoundError extends PlatformError {
  constructor() {
    super(404, 'parent_not_found', 'no such parent');
  }
}
