import { PlatformError } from '@mikasmissions/http';
import { markRetryable } from '@mikasmissions/resilience';

/** A `/v1` path no policy rule covers (unknown area, non-canonical path): never proxied. */
export class RouteNotFoundError extends PlatformError {
  constructor(method: string, path: string) {
    super(404, 'route_not_found', `no route for ${method} ${path.split('?')[0]}`);
  }
}

/** 401 `missing_token` or `invalid_token`, from edge-auth's verdict. */
export class EdgeUnauthenticatedError extends PlatformError {
  constructor(code: 'missing_token' | 'invalid_token', message: string) {
    super(401, code, message, undefined, {
      'www-authenticate': `Bearer error="${code === 'missing_token' ? 'invalid_request' : 'invalid_token'}"`,
    });
  }
}

/** The token's role may not call the route. */
export class InsufficientRoleError extends PlatformError {
  constructor(role: string | undefined, allowed: readonly string[]) {
    super(403, 'insufficient_role', `role ${role ?? '(none)'} may not call this route`, { allowed });
  }
}

/** The caller is over its rate limit. */
export class RateLimitedError extends PlatformError {
  constructor(bucket: string, retryAfterSec: number) {
    super(
      429,
      'rate_limited',
      `too many requests (${bucket} bucket); retry in ${retryAfterSec} s`,
      { bucket },
      { 'retry-after': String(retryAfterSec) },
    );
  }
}

/** The strict bucket could not be checked (Redis down): refused rather than unlimited. */
export class RateLimitUnavailableError extends PlatformError {
  constructor() {
    super(503, 'rate_limit_unavailable', 'the rate limiter is unavailable; retry shortly', undefined, { 'retry-after': '2' });
  }
}

/** The upstream refused or dropped the connection, or its breaker is open. */
export class UpstreamUnavailableError extends PlatformError {
  constructor(upstream: string, reason: string, retryable: boolean, retryAfterSec?: number) {
    super(
      502,
      'upstream_unavailable',
      `${upstream} is unavailable: ${reason}`,
      { upstream },
      retryAfterSec ? { 'retry-after': String(retryAfterSec) } : undefined,
    );
    if (retryable) markRetryable(this);
  }
}

/** The upstream did not answer within the route's timeout. */
export class UpstreamTimeoutError extends PlatformError {
  constructor(upstream: string, timeoutMs: number, retryable: boolean) {
    super(504, 'upstream_timeout', `${upstream} did not answer within ${timeoutMs} ms`, { upstream });
    if (retryable) markRetryable(this);
  }
}
