import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import { createContractValidator, TEST_EDGE_IDENTITY_KEY } from '@mikasmissions/testing';

/** One answer of the profile service. */
export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON, asserted by the tests
  headers: Headers;
}

/** Who a test request is from: a gateway-signed identity, or nobody. */
export type Caller =
  { role: 'parent'; parentUserId: string } | { role: 'child'; parentUserId: string; childProfileId: string } | { role: 'service' } | null;

const contract = createContractValidator();
let seq = 0;

/**
 * Calls the profile service as `caller` (headers signed like the gateway does) and, for a
 * `/v1` path, asserts the answer is in the v1 contract (status, body, error code per route).
 *
 * @example
 * const res = await call(origin, 'GET', '/v1/children/profiles?parent_user_id=p1', { role: 'parent', parentUserId: 'p1' });
 */
export async function call(
  origin: string,
  method: string,
  pathAndQuery: string,
  caller: Caller,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<Answer> {
  const requestId = `profile-e2e-${process.pid}-${++seq}`;
  const identity: EdgeIdentity | undefined = caller ? { tenantId: 'default', requestId, ...caller } : undefined;
  const headers: Record<string, string> = {
    'x-request-id': requestId,
    ...(identity ? signIdentity(identity, { method, path: pathAndQuery.split('?')[0] }, TEST_EDGE_IDENTITY_KEY) : {}),
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...extra,
  };
  const res = await fetch(`${origin}${pathAndQuery}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (pathAndQuery.startsWith('/v1/') && !/^(\/v1)?\/internal\//.test(pathAndQuery))
    contract.assert({ method, path: pathAndQuery, status: res.status, body: parsed });
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A unique parent id for one test. */
export const newParentId = (label: string): string => `p-${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
