import { type EdgeIdentity, signIdentity } from '@mikasmissions/service-identity';
import { createContractValidator, TEST_EDGE_IDENTITY_KEY } from '@mikasmissions/testing';

/** One answer of the admin-studio app, already checked against the v1 contract (unless unchecked). */
export interface AdminAnswer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Who calls: an admin, a service, a parent (a wrong role) or nobody. */
export type Caller = 'admin' | 'service' | 'parent' | null;

/** Options of one call. */
export interface CallOptions {
  body?: unknown;
  /** A raw body text (malformed JSON tests). */
  raw?: string;
  /** Skip the contract check (for `/internal/*` routes, which are outside it). */
  unchecked?: boolean;
}

const contract = createContractValidator();
let sequence = 0;

const identityOf = (caller: Exclude<Caller, null>): EdgeIdentity => {
  const requestId = `req-${process.pid}-${++sequence}`;
  if (caller === 'parent') return { role: 'parent', tenantId: 'default', requestId, parentUserId: 'p-1', subject: 'p-1' };
  if (caller === 'service') return { role: 'service', tenantId: 'default', requestId, subject: 'service:generation' };
  return { role: 'admin', tenantId: 'default', requestId, subject: 'admin-1' };
};

/**
 * Calls the admin-studio app at `origin` as the gateway would: identity headers signed with the
 * test key over method and path, JSON in and out; every `/v1` answer is validated against the
 * contract (status listed, body schema, error code allowed for the route).
 */
export function adminClient(origin: string) {
  return async (caller: Caller, method: string, path: string, options: CallOptions = {}): Promise<AdminAnswer> => {
    const headers: Record<string, string> = caller ? signIdentity(identityOf(caller), { method, path }, TEST_EDGE_IDENTITY_KEY) : {};
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${origin}${path}`, { method, headers, body });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!options.unchecked) contract.assert({ method, path, status: res.status, body: parsed });
    return { status: res.status, headers: res.headers, body: parsed };
  };
}
