import { signIdentity, type EdgeIdentity } from '@mikasmissions/service-identity';
import { createContractValidator, TEST_EDGE_IDENTITY_KEY } from '@mikasmissions/testing';

/** One HTTP answer, parsed. */
export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
  body: any;
  headers: Headers;
}

/** Who a call is made as: a gateway-signed edge identity, or nobody. */
export type As = Omit<EdgeIdentity, 'requestId' | 'tenantId'> & { tenantId?: string };

const contract = createContractValidator();

/**
 * A client of an identity app booted by a test: `call` sends JSON (with gateway-signed identity
 * headers when `as` is given, signed for the exact method and path the service sees) and checks
 * every `/v1` answer against the v1 contract; `/internal` routes are outside the contract.
 */
export class FamilyClient {
  constructor(
    private readonly origin: string,
    private readonly prefix = '/v1',
  ) {}

  /** `method path` (path without the prefix, e.g. `/parents/signup`); `internal` for `/internal/*` routes (served outside the prefix). */
  async call(
    method: string,
    path: string,
    options: { body?: unknown; as?: As; headers?: Record<string, string>; internal?: boolean } = {},
  ): Promise<Answer> {
    const full = options.internal ? path : `${this.prefix}${path}`;
    const headers: Record<string, string> = {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    };
    if (options.as) {
      const requestId = `req-${Math.random().toString(36).slice(2, 10)}`;
      Object.assign(
        headers,
        signIdentity({ tenantId: 'default', requestId, ...options.as }, { method, path: full.split('?')[0] }, TEST_EDGE_IDENTITY_KEY),
      );
    }
    const res = await fetch(`${this.origin}${full}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    const body = text ? JSON.parse(text) : undefined;
    if (!options.internal) contract.assert({ method, path: full, status: res.status, body });
    return { status: res.status, body, headers: res.headers };
  }
}

/** A unique, mixed-case email per call. */
export const parentEmail = (label: string) => `${label}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 7)}@Example.COM`;

/** A signup body that passes every check. */
export const signupBody = (email: string, overrides: Record<string, unknown> = {}) => ({
  email,
  password: 'correct horse battery staple',
  country: 'DE',
  language: 'de-DE',
  marketing: false,
  accepted_terms: true,
  ...overrides,
});

/** The payload of a JWT (no verification: the test only reads what was minted). */
export const jwtClaims = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
