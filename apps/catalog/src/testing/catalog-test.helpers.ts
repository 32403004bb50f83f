import { signIdentity } from '@mikasmissions/service-identity';
import { TEST_EDGE_IDENTITY_KEY } from '@mikasmissions/testing';

/** Who a test request is, as the gateway would sign it. */
export type TestCaller =
  { role: 'parent'; parentUserId: string } | { role: 'child'; childProfileId: string; parentUserId?: string } | { role: 'service' };

/** Identity headers for `method` + `url`'s path, signed with the test edge key. */
export function signedAs(
  caller: TestCaller,
  method: string,
  url: string,
  requestId = `req-${Math.random().toString(36).slice(2, 10)}`,
): Record<string, string> {
  const path = new URL(url).pathname;
  const identity = { tenantId: 'default', requestId, ...caller, ...(caller.role === 'service' ? { subject: 'service:test' } : {}) };
  return signIdentity(identity, { method, path }, TEST_EDGE_IDENTITY_KEY);
}

/** `fetch` as `caller` (signed with the `x-request-id` of `headers` when given), with a JSON body when given. */
export function call(
  caller: TestCaller | null,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const identity = caller ? signedAs(caller, method, url, headers['x-request-id']) : {};
  const json: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  return fetch(url, { method, headers: { ...identity, ...json, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
}
