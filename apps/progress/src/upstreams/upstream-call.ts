/** One call to another service, as `ServiceClient.call` of `@mikasmissions/service-client` makes it. */
export interface UpstreamRequest {
  method: 'GET';
  path: string;
  timeoutMs?: number;
}

/**
 * How the HTTP adapters reach another service: `ServiceClient.call` (signed `service` identity,
 * request id and tenant propagated; a 5xx, timeout or refused connection throws 503; a 4xx is
 * returned).
 */
export type UpstreamCall = (service: 'catalog' | 'identity', request: UpstreamRequest) => Promise<{ status: number; body: unknown }>;
