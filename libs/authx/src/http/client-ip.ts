import { isIP } from 'node:net';

/** The parts of a request {@link clientIp} reads. */
export interface ClientIpRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The caller's address for throttling. With `trustedHops` 0 it is the socket's. Behind
 * `trustedHops` proxies that each append the address they saw to `x-forwarded-for`, it is the
 * entry that many places from the right (1: the right-most, what the last proxy saw), so
 * entries a client sends itself are never used; with fewer entries, the left-most. An entry
 * that is not an IP address falls back to the socket's.
 *
 * @example
 * clientIp({ ip: '10.0.0.2', headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' } }, 1); // '203.0.113.7'
 */
export function clientIp(req: ClientIpRequest, trustedHops: number): string {
  const socket = req.ip ?? 'unknown';
  if (trustedHops <= 0) return socket;
  const raw = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) return socket;
  const chosen = entries[Math.max(0, entries.length - trustedHops)]!;
  return isIP(chosen) ? chosen : socket;
}
