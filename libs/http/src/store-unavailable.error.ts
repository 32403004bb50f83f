import { PlatformError } from './platform-error';

/** Options of {@link StoreUnavailableError}. */
export interface StoreUnavailableOptions {
  /** Seconds the client should wait before retrying (`Retry-After`). Default 1. */
  retryAfterSec?: number;
  /** The driver's failure, kept as `cause` for logs; never shown to the client. */
  cause?: unknown;
}

/**
 * 503: a store the service depends on (Postgres, Redis, …) failed, so the request could not be
 * served; the client may retry after `Retry-After` seconds. The thrower names the `code`
 * (`AUTH_UNAVAILABLE`, …); `mapError` maps it like every {@link PlatformError}.
 *
 * @example
 * try {
 *   return await this.pool.query(sql);
 * } catch (cause) {
 *   throw new StoreUnavailableError('auth_unavailable', 'authentication is temporarily unavailable; retry shortly', { cause });
 * }
 */
export class StoreUnavailableError extends PlatformError {
  constructor(code: string, message: string, options: StoreUnavailableOptions = {}) {
    super(503, code, message, undefined, { 'retry-after': String(Math.max(1, Math.ceil(options.retryAfterSec ?? 1))) });
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
