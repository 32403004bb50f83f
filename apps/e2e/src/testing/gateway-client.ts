import type { ContractValidator, ServiceProcesses } from '@mikasmissions/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the contract validator checks their shape
export type Json = Record<string, any>;

/** One answer of the gateway: status, the parsed JSON body (`undefined` when not JSON), the raw text and headers. */
export interface GatewayAnswer {
  status: number;
  body: Json;
  text: string;
  headers: Headers;
}

/** `call(method, path, body?, bearer?)` against one base URL. */
export type GatewayCall = (method: string, path: string, body?: unknown, token?: string) => Promise<GatewayAnswer>;

/**
 * A client for a through-the-gateway e2e: sends JSON (and the bearer token when given) to
 * `baseUrl()` and checks every answer against the v1 contract before returning it, so a test
 * cannot read an answer the spec does not allow. `baseUrl` is read per call (processes start in
 * `beforeAll`).
 *
 * @example
 * const call = gatewayCall(() => platform.urls.gateway, createContractValidator());
 * const login = await call('POST', '/v1/parents/login', { email, password });
 */
export function gatewayCall(baseUrl: () => string, contract: ContractValidator): GatewayCall {
  return async (method, path, body, token) => {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${baseUrl()}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const json = (res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined) as Json;
    contract.assert({ method, path, status: res.status, body: json });
    return { status: res.status, body: json, text, headers: res.headers };
  };
}

/** Reads `read()` every `intervalMs` (250) until `done` holds; throws naming `what` and the last value after `timeoutMs`. */
export async function poll<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  intervalMs = 250,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The consent code identity's console sender printed for `email` (dev and test send codes to stdout). */
export function consentCode(platform: ServiceProcesses, email: string): Promise<string> {
  const pattern = new RegExp(`email code for ${email.replace(/[.+]/g, '\\$&')} \\(tenant default\\): (\\d{6})`);
  return poll(
    'the consent code on identity’s console',
    async () => pattern.exec(platform.output('identity'))?.[1],
    (code) => code !== undefined,
    5_000,
  ) as Promise<string>;
}
