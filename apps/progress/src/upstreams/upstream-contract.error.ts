import { PlatformError } from '@mikasmissions/http';

/** Another service answered outside the agreed internal contract: 502 `upstream_unavailable` (`details.service`). */
export class UpstreamContractError extends PlatformError {
  constructor(service: string, status: number) {
    super(502, 'upstream_unavailable', `${service} answered an unexpected ${status}`, { service, status });
  }
}
