import type { FastifyCorsOptions } from '@fastify/cors';

/** What browsers may send to `/v1/*`: the auth header, JSON, the platform's request headers. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'x-tenant-id', 'if-none-match'];
/** What pages may read from answers. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'etag', 'location', 'idempotency-replayed'];

/**
 * CORS for the web app and other browser clients (`@fastify/cors`), answered before the
 * policy so a preflight (which never carries a token) is not a 401: `origins` from
 * `GATEWAY_CORS_ORIGINS` (`*` allows any), no credentials (tokens travel in `Authorization`,
 * never in cookies), preflights cached 10 minutes. An origin not on the list gets no
 * `Access-Control-Allow-Origin`, so the browser refuses the answer.
 *
 * @example
 * await scope.register(cors, corsOptions(['http://localhost:3000']));
 */
export function corsOptions(origins: readonly string[]): FastifyCorsOptions {
  return {
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
  };
}
