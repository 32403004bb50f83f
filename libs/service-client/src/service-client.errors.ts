import { PlatformError } from '@mikasmissions/http';

/**
 * 503: another service could not answer (connection refused or dropped, timeout, or a 5xx).
 * `details.service` names it; `Retry-After` says when to try again. Callers may catch it to
 * answer with their own code (`entitlement_unavailable`, `catalog_unavailable`).
 *
 * @example
 * try { await client.call('billing', { method: 'GET', path }); }
 * catch (e) { if (e instanceof ServiceUnavailableError) throw new EntitlementUnavailableError(); throw e; }
 */
export class ServiceUnavailableError extends PlatformError {
  constructor(
    readonly service: string,
    reason: string,
    options: { retryAfterSec?: number; cause?: unknown } = {},
  ) {
    super(
      503,
      'service_unavailable',
      `${service} is unavailable (${reason}); retry shortly`,
      { service, reason },
      {
        'retry-after': String(Math.max(1, Math.ceil(options.retryAfterSec ?? 1))),
      },
    );
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
