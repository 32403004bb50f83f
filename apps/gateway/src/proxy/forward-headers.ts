import type { IncomingHttpHeaders } from 'node:http';
import { activeTraceCarrier, isTracing } from '@mikasmissions/context';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and those the client library sets itself. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
]);
const IDENTITY_PREFIX = 'x-auth-';

/**
 * The client's headers as the upstream gets them: without hop-by-hop headers (and those the
 * `Connection` header names), without any `x-auth-*` header a client could have set, and
 * with `x-forwarded-for` / `-proto` / `-host` appended. The gateway adds identity afterwards.
 */
export function upstreamHeaders(incoming: IncomingHttpHeaders, clientAddress: string): Record<string, string | string[]> {
  const connection = incoming.connection;
  const named =
    connection && connection !== 'keep-alive' && connection !== 'close'
      ? new Set(connection.split(',').map((h) => h.trim().toLowerCase()))
      : undefined;
  const out: Record<string, string | string[]> = {};
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || HOP_BY_HOP.has(name) || named?.has(name) || name.startsWith(IDENTITY_PREFIX) || name === 'x-request-id')
      continue;
    out[name] = value;
  }
  const xff = incoming['x-forwarded-for'];
  out['x-forwarded-for'] = xff ? `${Array.isArray(xff) ? xff.join(', ') : xff}, ${clientAddress}` : clientAddress;
  out['x-forwarded-proto'] = String(incoming['x-forwarded-proto'] ?? 'http');
  if (incoming.host) out['x-forwarded-host'] = String(incoming['x-forwarded-host'] ?? incoming.host);
  return out;
}

/** The upstream's answer headers as the client gets them: hop-by-hop ones removed. */
export function clientHeaders(upstream: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name in upstream) {
    const value = upstream[name];
    if (value === undefined || (HOP_BY_HOP.has(name) && name !== 'content-length')) continue;
    out[name] = value;
  }
  return out;
}

/**
 * `headers` with the gateway's trace context: while tracing runs, the client's `traceparent` /
 * `tracestate` are replaced by the active (gateway) span's, so the upstream's span is its child;
 * without tracing the headers pass unchanged.
 */
export function withTraceContext(headers: Record<string, string | string[]>): Record<string, string | string[]> {
  if (!isTracing()) return headers;
  const { traceparent: _clientParent, tracestate: _clientState, ...rest } = headers;
  return { ...rest, ...activeTraceCarrier() } as Record<string, string | string[]>;
}
