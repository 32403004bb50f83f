import { PlatformError } from '@mikasmissions/http';

/**
 * Identity answered the consent lookup with something other than 200 `{status}` or 404 (it
 * refused the service identity, or the body is not the agreed shape): 503
 * `upstream_unavailable` with `Retry-After`, `details.service` = `identity`.
 */
export class IdentityAnswerError extends PlatformError {
  constructor(status: number) {
    super(503, 'upstream_unavailable', 'the identity service could not confirm parental consent; retry shortly', { service: 'identity', status }, { 'Retry-After': '2' });
  }
}

/** INTERIM (until libs/service-client's `ServiceUnavailableError`): identity unreachable, timed out or 5xx: 503 `upstream_unavailable`. */
export class IdentityUnavailableError extends PlatformError {
  constructor(service: string) {
    super(503, 'upstream_unavailable', `the ${service} service is unavailable; retry shortly`, { service }, { 'Retry-After': '2' });
  }
}
