import { isIP } from 'node:net';

/** The parts of a request {@link isLoopbackRequest} reads (Express, or Fastify's request and its `raw`). */
export interface SocketRequest {
  socket?: { remoteAddress?: string };
  raw?: { socket?: { remoteAddress?: string } };
}

/** True for `127.0.0.0/8`, `::1` and their IPv4-mapped forms (`::ffff:127.0.0.1`). */
export function isLoopback(address: string | undefined | null): boolean {
  if (!address) return false;
  const bare = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(bare) === 6) return bare === '::1';
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/**
 * The address an HTTP server listens on (`0.0.0.0`, `::`, `127.0.0.1`, …), or `undefined` when
 * it cannot be known here: not listening yet, or a pipe / unix socket.
 *
 * @example
 * listenAddress(app.getHttpServer()); // '127.0.0.1' under bootApp, '0.0.0.0' under bootstrap's default
 */
export function listenAddress(server: unknown): string | undefined {
  const address = (server as { address?: () => unknown } | undefined)?.address?.();
  return typeof address === 'object' && address !== null && typeof (address as { address?: unknown }).address === 'string'
    ? (address as { address: string }).address
    : undefined;
}

/** True when the request's TCP peer is on loopback (the socket's, never `x-forwarded-for`). */
export function isLoopbackRequest(req: SocketRequest): boolean {
  return isLoopback(req.socket?.remoteAddress ?? req.raw?.socket?.remoteAddress);
}
