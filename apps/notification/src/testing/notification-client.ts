import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import { createContractValidator, TEST_EDGE_IDENTITY_KEY } from '@mikasmissions/testing';

/** One answer of the notification app; `/v1` answers are already checked against the contract. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Who calls: a parent, a service, or nobody. */
export type Caller = { parent: string } | { service: string } | null;

const contract = createContractValidator();
let sequence = 0;

const identityOf = (caller: Exclude<Caller, null>): EdgeIdentity => {
  const requestId = `req-${process.pid}-${++sequence}`;
  return 'parent' in caller
    ? { role: 'parent', tenantId: 'default', requestId, parentUserId: caller.parent, subject: caller.parent }
    : { role: 'service', tenantId: 'default', requestId, subject: `service:${caller.service}` };
};

/**
 * Calls the notification app at `origin` as the gateway would (identity headers signed with the
 * test key); every `/v1` answer is validated against the contract.
 *
 * @example
 * const call = notificationClient(origin);
 * await call({ parent: 'p1' }, 'GET', '/v1/parents/notifications/preferences');
 */
export function notificationClient(origin: string) {
  return async (caller: Caller, method: string, path: string, body?: unknown, rawBody?: string): Promise<Answer> => {
    const headers: Record<string, string> = caller
      ? signIdentity(identityOf(caller), { method, path: path.split('?')[0] }, TEST_EDGE_IDENTITY_KEY)
      : {};
    if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${origin}${path}`, {
      method,
      headers,
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (path.startsWith('/v1/parents/')) contract.assert({ method, path, status: res.status, body: parsed });
    return { status: res.status, headers: res.headers, body: parsed };
  };
}

/** A fresh id for a test's parent or episode. */
export const freshId = (label: string): string => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
