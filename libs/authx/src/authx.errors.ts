import { PlatformError, StoreUnavailableError } from '@mikasmissions/http';

/** 401: the caller is not (or no longer) authenticated; `code` says why (`TOKEN_EXPIRED`, …). */
export class UnauthenticatedError extends PlatformError {
  constructor(code: string, message: string, details?: unknown) {
    super(401, code, message, details, { 'www-authenticate': 'Bearer' });
  }
}

/** 403: the caller is known but may not do this; `code` is the reason (`MISSING_PERMISSION`, …). */
export class ForbiddenError extends PlatformError {
  constructor(code: string, message: string, details?: unknown) {
    super(403, code, message, details);
  }
}

/** 429: too many attempts; carries `Retry-After` in seconds. */
export class ThrottledError extends PlatformError {
  constructor(code: string, message: string, retryAfterSec: number) {
    super(429, code, message, { retryAfterSec }, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSec))) });
  }
}

/** 404 for a route or resource that does not exist in this configuration (e.g. dev login off). */
export class AuthxNotFoundError extends PlatformError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

/** 503 `AUTH_UNAVAILABLE` (`Retry-After: 1`) when a store AuthX depends on (Postgres, Redis) fails; the caller may retry. */
export class AuthxUnavailableError extends StoreUnavailableError {
  constructor(cause?: unknown) {
    super('auth_unavailable', 'authentication is temporarily unavailable; retry shortly', { cause });
  }
}
