import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

/** The roles of the platform's public edge. */
export const EDGE_ROLES = ['parent', 'child', 'service', 'admin', 'creator'] as const;
/** One of {@link EDGE_ROLES}. */
export type EdgeRole = (typeof EDGE_ROLES)[number];

/** Who the gateway verified a request to be, as services receive it. */
export interface EdgeIdentity {
  role: EdgeRole;
  tenantId: string;
  requestId: string;
  parentUserId?: string;
  childProfileId?: string;
  /** The verified subject (`sub`). */
  subject?: string;
}

/** The headers the gateway sets (and always strips from clients). */
export const IDENTITY_HEADERS = {
  role: 'x-auth-role',
  parentUserId: 'x-auth-parent-user-id',
  childProfileId: 'x-auth-child-profile-id',
  subject: 'x-auth-subject',
  tenantId: 'x-auth-tenant',
  timestamp: 'x-auth-timestamp',
  signature: 'x-auth-signature',
} as const;

/** The request id header, shared with libs/context. */
export const REQUEST_ID = 'x-request-id';

/** What the signature covers besides the identity: the request it was issued for. */
export interface SignedRequest {
  method: string;
  /** The path the service sees, without the query string. */
  path: string;
}

const VERSION = 'mm-edge-v1';

function canonical(identity: EdgeIdentity, request: SignedRequest, timestamp: number): string {
  return [
    VERSION,
    identity.role,
    identity.tenantId,
    identity.requestId,
    identity.parentUserId ?? '',
    identity.childProfileId ?? '',
    identity.subject ?? '',
    String(timestamp),
    request.method.toUpperCase(),
    request.path.split('?')[0],
  ].join('\n');
}

/** Each key as a KeyObject, made once: an HMAC keyed with a string re-imports the key on every call. */
const keyObjects = new Map<string, KeyObject>();
const MAX_KEYS = 16;

function keyObjectOf(key: string): KeyObject {
  let object = keyObjects.get(key);
  if (!object) {
    if (keyObjects.size >= MAX_KEYS) keyObjects.clear();
    keyObjects.set(key, (object = createSecretKey(Buffer.from(key, 'utf8'))));
  }
  return object;
}

function mac(key: string, text: string): string {
  return createHmac('sha256', keyObjectOf(key)).update(text).digest('base64url');
}

/**
 * The headers that carry `identity` to a service: the values, a timestamp, and an
 * HMAC-SHA256 over them, the method and the path, keyed with the internal key the gateway
 * and the services share (`EDGE_IDENTITY_KEY`). A client cannot forge them without the key,
 * and a signed set is bound to one request line and expires after the allowed skew.
 *
 * @example
 * const headers = signIdentity({ role: 'parent', tenantId: 'default', requestId, parentUserId }, { method: 'GET', path: '/v1/children/profiles' }, key);
 */
export function signIdentity(identity: EdgeIdentity, request: SignedRequest, key: string, now = Date.now()): Record<string, string> {
  const headers: Record<string, string> = {
    [IDENTITY_HEADERS.role]: identity.role,
    [IDENTITY_HEADERS.tenantId]: identity.tenantId,
    [REQUEST_ID]: identity.requestId,
    [IDENTITY_HEADERS.timestamp]: String(now),
    [IDENTITY_HEADERS.signature]: mac(key, canonical(identity, request, now)),
  };
  if (identity.parentUserId) headers[IDENTITY_HEADERS.parentUserId] = identity.parentUserId;
  if (identity.childProfileId) headers[IDENTITY_HEADERS.childProfileId] = identity.childProfileId;
  if (identity.subject) headers[IDENTITY_HEADERS.subject] = identity.subject;
  return headers;
}

/** Why a set of identity headers was refused. */
export type IdentityProblem = 'missing' | 'malformed' | 'expired' | 'bad_signature';

/** The outcome of {@link verifyIdentity}. */
export type IdentityCheck = { ok: true; identity: EdgeIdentity } | { ok: false; problem: IdentityProblem };

type HeaderBag = Record<string, string | string[] | undefined>;
const one = (headers: HeaderBag, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Checks identity headers made by {@link signIdentity} for this request: `missing` when the
 * request carries none, else the first problem found. Constant-time signature comparison.
 */
export function verifyIdentity(
  headers: HeaderBag,
  request: SignedRequest,
  key: string,
  maxSkewMs: number,
  now = Date.now(),
): IdentityCheck {
  const role = one(headers, IDENTITY_HEADERS.role);
  const signature = one(headers, IDENTITY_HEADERS.signature);
  if (role === undefined && signature === undefined) return { ok: false, problem: 'missing' };
  const tenantId = one(headers, IDENTITY_HEADERS.tenantId);
  const requestId = one(headers, REQUEST_ID);
  const timestamp = Number(one(headers, IDENTITY_HEADERS.timestamp));
  if (
    !role ||
    !(EDGE_ROLES as readonly string[]).includes(role) ||
    !tenantId ||
    !requestId ||
    !signature ||
    !Number.isSafeInteger(timestamp)
  ) {
    return { ok: false, problem: 'malformed' };
  }
  const identity: EdgeIdentity = {
    role: role as EdgeRole,
    tenantId,
    requestId,
    parentUserId: one(headers, IDENTITY_HEADERS.parentUserId) || undefined,
    childProfileId: one(headers, IDENTITY_HEADERS.childProfileId) || undefined,
    subject: one(headers, IDENTITY_HEADERS.subject) || undefined,
  };
  const expected = Buffer.from(mac(key, canonical(identity, request, timestamp)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, problem: 'bad_signature' };
  if (Math.abs(now - timestamp) > maxSkewMs) return { ok: false, problem: 'expired' };
  return { ok: true, identity };
}
