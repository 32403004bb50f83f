import { type AuthClient, createAuthClient } from '@mikasmissions/authx-sdk';
import type { paths } from '@mikasmissions/contracts-api';
import createClient, { type Client } from 'openapi-fetch';
import type { PublicConfig } from '@/config/public-config';
import { fallbackFetch } from './fallback-fetch';
import { type Principal, type SessionStore } from './session-store';

/** A typed client of the v1 contract (openapi-fetch over the generated `paths`). */
export type ApiClient = Client<paths>;

/** The clients of one tab: anonymous calls, and one per principal with refresh. */
export interface ApiClients {
  anonymous: ApiClient;
  parent: ApiClient;
  child: ApiClient;
  /** The AuthX client of a principal (refresh and logout through the gateway's `/v1/auth/*`). */
  auth(principal: Principal): AuthClient;
}

async function resendable(request: Request): Promise<RequestInit> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.clone().text();
  return { method: request.method, headers: request.headers, body: body || undefined, signal: request.signal };
}

/**
 * Builds the tab's API clients. Strict by default: every call goes to `config.apiBaseUrl`
 * and a failure is an error the page shows. With `config.useFallbacks` (dev server only)
 * every call is answered by the typed fixtures instead and never leaves the browser.
 * Signed-in calls go through the authx-sdk's `fetchWithAuth`: bearer from the in-memory
 * store, one shared refresh on a 401, one retry.
 */
export function createApiClients(config: PublicConfig, store: SessionStore): ApiClients {
  const network: typeof fetch = config.useFallbacks ? fallbackFetch : (input, init) => globalThis.fetch(input, init);
  const auths = {} as Record<Principal, AuthClient>;
  for (const principal of ['parent', 'child'] as const) {
    auths[principal] = createAuthClient({
      baseUrl: `${config.apiBaseUrl}/v1`,
      fetch: network,
      crossTab: false,
      getTokens: () => store.tokens(principal),
      setTokens: (tokens) => store.setTokens(principal, tokens),
    });
  }
  const signedIn = (principal: Principal): ApiClient =>
    createClient<paths>({
      baseUrl: config.apiBaseUrl,
      fetch: async (request: Request) => auths[principal].fetchWithAuth(request.url, await resendable(request)),
    });
  return {
    anonymous: createClient<paths>({ baseUrl: config.apiBaseUrl, fetch: (request: Request) => network(request) }),
    parent: signedIn('parent'),
    child: signedIn('child'),
    auth: (principal) => auths[principal],
  };
}
