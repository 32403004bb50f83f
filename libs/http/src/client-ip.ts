import { isIP } from 'node:net';

/** An address without brackets, port or IPv4-mapped prefix; `undefined` when it is not an IP. */
function normalize(address: string): string | undefined {
  let value = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : undefined;
}

/**
 * The client's IP for rate limiting. `X-Forwarded-For` is client-writable except for the
 * entries our own proxies appended on the right, so only `trustedHops` right-most entries count:
 * with the socket peer last in the chain, the client is the entry `trustedHops` places left of
 * it (clamped to the left-most). `trustedHops` 0 ignores the header. An entry that is not an IP
 * falls back to the socket address.
 *
 * @example
 * clientIp('6.6.6.6, 203.0.113.7', '10.0.0.2', 1) // '203.0.113.7' (the left-most is spoofed)
 * clientIp('6.6.6.6', '203.0.113.7', 0)          // '203.0.113.7'
 */
export function clientIp(xForwardedFor: string | undefined, socketAddress: string, trustedHops: number): string {
  const socket = normalize(socketAddress) ?? socketAddress;
  const hops = Number.isInteger(trustedHops) && trustedHops > 0 ? trustedHops : 0;
  if (hops === 0 || !xForwardedFor) return socket;
  const chain = xForwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (chain.length === 0) return socket;
  const picked = chain[Math.max(0, chain.length - hops)];
  return normalize(picked) ?? socket;
}
