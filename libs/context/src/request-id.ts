import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Header carrying the request id in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** Header naming the tenant a request acts in. */
export const TENANT_HEADER = 'x-tenant-id';
/** Tenant used when neither the header nor the principal names one. */
export const DEFAULT_TENANT = 'default';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;
const SANE_TENANT = /^[A-Za-z0-9_-]{1,64}$/;
const ASSIGNED = Symbol.for('mikasmissions.request-id');

type RequestLike = Pick<IncomingMessage, 'headers'> & { [ASSIGNED]?: string };

function firstHeader(req: RequestLike, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The request id of `req`: the caller's `x-request-id` when it is sane (1–128 of
 * `A-Za-z0-9._:@-`), else a new UUID. Stable for the life of the request, so the logger,
 * the CLS context and the response header all agree.
 */
export function resolveRequestId(req: RequestLike): string {
  const existing = req[ASSIGNED];
  if (existing) return existing;
  const incoming = firstHeader(req, REQUEST_ID_HEADER)?.trim();
  const id = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req[ASSIGNED] = id;
  return id;
}

/** The `x-tenant-id` header: `undefined` when absent, `null` when present but malformed. */
export function readTenantHeader(req: RequestLike): string | null | undefined {
  const raw = firstHeader(req, TENANT_HEADER);
  if (raw === undefined || raw === '') return undefined;
  const value = raw.trim();
  return SANE_TENANT.test(value) ? value : null;
}
