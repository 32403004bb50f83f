import { clientIp as clientIpOf } from '@mikasmissions/http';

/** The parts of a request {@link clientIp} reads. */
export interface ClientIpRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The caller's address for throttling: libs/http's `clientIp` over this request's
 * `x-forwarded-for` (repeated headers joined) and socket address, trusting `trustedHops` proxies.
 *
 * @example
 * clientIp({ ip: '10.0.0.2', headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' } }, 1); // '203.0.113.7'
 */
export function clientIp(req: ClientIpRequest, trustedHops: number): string {
  const raw = req.headers['x-forwarded-for'];
  return clientIpOf(Array.isArray(raw) ? raw.join(',') : raw, req.ip ?? 'unknown', trustedHops);
}
