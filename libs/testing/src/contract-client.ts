import { createContractValidator } from './contract-validator';

/** An answer as the e2e tests read it: status, headers and the parsed JSON body (`{}` for an empty one). */
export interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { code: string; details?: unknown } } & Record<string, unknown>;
}

/**
 * Signs a request for `identity` as the gateway would and returns the headers to send, e.g.
 * `(identity, target) => signIdentity(identity, target, TEST_EDGE_IDENTITY_KEY)` from
 * libs/service-identity (passed in: libs/testing must not depend on the libs it tests).
 */
export type RequestSigner<I> = (identity: I, target: { method: string; path: string }) => Record<string, string>;

/**
 * Calls a booted app as `identity` (`null`: no identity headers). A string `body` is sent as is,
 * any other as JSON; every answer {@link ContractClientOptions.inContract} accepts is checked
 * against the v1 contract (it throws naming the problems) unless `unlisted` (a deliberate 500).
 */
export type ContractCall<I> = (
  method: string,
  path: string,
  identity: I | null,
  body?: unknown,
  headers?: Record<string, string>,
  unlisted?: boolean,
) => Promise<Answer>;

/** Options of {@link createContractCall}. */
export interface ContractClientOptions<I> {
  /** The app's base URL without a prefix, as {@link baseUrl} gives it. */
  origin: string;
  sign: RequestSigner<I>;
  /** Whether a path's answers are in the contract; default {@link isContractPath}. */
  inContract?: (path: string) => boolean;
}

/** `/v1/…` paths, except `/v1/internal/…` (service to service) and `/v1/health`, `/v1/ready` (the contract lists them unprefixed). */
export function isContractPath(path: string): boolean {
  return path.startsWith('/v1/') && !path.startsWith('/v1/internal/') && !/^\/v1\/(health|ready)\b/.test(path);
}

const contract = createContractValidator();

/**
 * Builds the signed `call()` of an app's e2e tests.
 *
 * @example
 * const call = createContractCall<EdgeIdentity>({
 *   origin: await baseUrl(app),
 *   sign: (identity, target) => signIdentity(identity, target, TEST_EDGE_IDENTITY_KEY),
 * });
 * const res = await call('GET', '/v1/kids/home', who.child('p1', 'c1'));
 */
export function createContractCall<I>(options: ContractClientOptions<I>): ContractCall<I> {
  const inContract = options.inContract ?? isContractPath;
  return async (method, path, identity, body, headers = {}, unlisted = false) => {
    const signed = identity ? options.sign(identity, { method, path: path.split('?')[0] }) : {};
    const res = await fetch(`${options.origin}${path}`, {
      method,
      headers: { ...signed, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : {};
    if (!unlisted && inContract(path)) contract.assert({ method, path, status: res.status, body: parsed });
    return { status: res.status, headers: res.headers, body: parsed };
  };
}
