import { PlatformError } from '@mikasmissions/http';

/**
 * 503 `catalog_unavailable`: catalog did not answer and there is no home computed under the
 * child's current policy to serve instead. Never answered with an unfiltered list.
 */
export class CatalogUnavailableError extends PlatformError {
  constructor(reason: string) {
    super(503, 'catalog_unavailable', 'the catalog is unavailable; retry shortly', { service: 'catalog', reason }, { 'retry-after': '1' });
  }
}

/** 503 `service_unavailable`: another service answered something its contract does not allow. */
export class UpstreamContractError extends PlatformError {
  constructor(service: string, status: number) {
    super(
      503,
      'service_unavailable',
      `${service} answered outside its contract; retry shortly`,
      { service, reason: `unexpected answer ${status}` },
      { 'retry-after': '1' },
    );
  }
}
