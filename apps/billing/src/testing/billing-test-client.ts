import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import { createContractValidator, TEST_EDGE_IDENTITY_KEY } from '@mikasmissions/testing';

/** One answer of the billing app, already checked against the v1 contract. */
export interface BillingAnswer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Who calls: a parent, a service, or nobody (no identity headers). */
export type Caller = { parent: string } | { service: string } | null;

/** Options of one call. */
export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Skip the contract check (for routes outside it, `/health`). */
  unchecked?: boolean;
}

const contract = createContractValidator();
let sequence = 0;

const identityOf = (caller: Exclude<Caller, null>): EdgeIdentity => {
  const requestId = `req-${process.pid}-${++sequence}`;
  return 'parent' in caller
    ? { role: 'parent', tenantId: 'default', requestId, parentUserId: caller.parent, subject: caller.parent }
    : { role: 'service', tenantId: 'default', requestId, subject: `service:${caller.service}` };
};

/**
 * Calls the billing app at `origin` (no prefix) as the gateway would: identity headers signed
 * with the test key over method and path, JSON in and out; every `/v1` answer is validated
 * against the contract (status listed, body schema, error code allowed for the route).
 *
 * @example
 * const call = billingClient(origin);
 * const res = await call({ parent: 'p1' }, 'GET', '/v1/billing/subscriptions');
 */
export function billingClient(origin: string) {
  return async (caller: Caller, method: string, path: string, options: CallOptions = {}): Promise<BillingAnswer> => {
    const headers: Record<string, string> = {
      ...(caller ? signIdentity(identityOf(caller), { method, path }, TEST_EDGE_IDENTITY_KEY) : {}),
      ...options.headers,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${origin}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    const body = text ? JSON.parse(text) : undefined;
    if (!options.unchecked) contract.assert({ method, path, status: res.status, body });
    return { status: res.status, headers: res.headers, body };
  };
}

/** A fresh id for a test's parent, child or key. */
export const freshId = (label: string): string => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
