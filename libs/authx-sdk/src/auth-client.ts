import { AuthError } from './auth-error';
import { CrossTabRefresh } from './cross-tab';
import { memoryTokenStore, type TokenStore } from './token-store';
import type { AuthClient, AuthClientOptions, AuthEvent, AuthStateListener, AuthTokens } from './types';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The store the options name: `tokenStore`, the `getTokens`/`setTokens` pair, or memory. */
function storeOf(options: AuthClientOptions): TokenStore {
  const { tokenStore, getTokens, setTokens } = options;
  if (tokenStore && (getTokens || setTokens)) throw new TypeError('createAuthClient: pass tokenStore or getTokens/setTokens, not both');
  if (!getTokens !== !setTokens) throw new TypeError('createAuthClient: getTokens and setTokens go together');
  if (getTokens && setTokens) return { get: getTokens, set: setTokens };
  return tokenStore ?? memoryTokenStore();
}

/**
 * Creates an AuthX client for browsers and Node 18+ (only `fetch`, and `BroadcastChannel` /
 * Web Locks when present). Tokens live in memory unless `tokenStore` says otherwise.
 *
 * @example
 * const auth = createAuthClient({ baseUrl: 'http://localhost:8080/v1' });
 * await auth.login({ userId: 'u1' });
 * const res = await auth.fetchWithAuth('/projects/proj_123/events');
 */
export function createAuthClient(options: AuthClientOptions): AuthClient {
  const base = trimSlash(options.baseUrl);
  const store = storeOf(options);
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const listeners = new Set<AuthStateListener>();
  let inFlight: Promise<AuthTokens | null> | null = null;

  const emit = (event: AuthEvent, tokens: AuthTokens | null) => {
    for (const listener of [...listeners]) {
      try {
        listener(event, tokens);
      } catch {
        /* a listener's failure is its own */
      }
    }
  };

  const inBrowser = typeof (globalThis as { window?: unknown }).window !== 'undefined';
  const crossTab =
    (options.crossTab ?? (inBrowser && store.sharedAcrossTabs !== false)) && typeof BroadcastChannel !== 'undefined'
      ? new CrossTabRefresh(`authx:${base}`, options.crossTabTimeoutMs ?? 10_000, (tokens) =>
          emit(tokens ? 'TOKEN_REFRESHED' : 'SIGNED_OUT', tokens),
        )
      : undefined;

  const headers = (extra?: HeadersInit, token?: string): Headers => {
    const h = new Headers(extra);
    if (options.tenantId && !h.has('x-tenant-id')) h.set('x-tenant-id', options.tenantId);
    if (token) h.set('authorization', `Bearer ${token}`);
    return h;
  };

  async function call<T>(path: string, body: unknown, token?: string): Promise<T> {
    const h = headers(body === undefined ? undefined : { 'content-type': 'application/json' }, token);
    const res = await doFetch(`${base}${path}`, {
      method: 'POST',
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw await AuthError.from(res);
    return (await res.json()) as T;
  }

  async function signedIn(pair: AuthTokens & { ok?: boolean }): Promise<AuthTokens> {
    const tokens: AuthTokens = {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      sessionId: pair.sessionId,
      expiresIn: pair.expiresIn,
    };
    await store.set(tokens);
    emit('SIGNED_IN', tokens);
    return tokens;
  }

  async function signOut(): Promise<void> {
    await store.set(null);
    emit('SIGNED_OUT', null);
  }

  async function doRefresh(usedAccess?: string): Promise<AuthTokens | null> {
    const current = await store.get();
    if (!current?.refreshToken) return null;
    if (usedAccess !== undefined && current.accessToken !== usedAccess) return current;
    const started = current.refreshToken;
    const rotate = async (): Promise<AuthTokens | null> => {
      const latest = await store.get();
      if (latest && latest.refreshToken !== started) return latest;
      try {
        const pair = await call<AuthTokens>('/auth/refresh', { refreshToken: started });
        const tokens: AuthTokens = {
          accessToken: pair.accessToken,
          refreshToken: pair.refreshToken,
          sessionId: pair.sessionId,
          expiresIn: pair.expiresIn,
        };
        await store.set(tokens);
        emit('TOKEN_REFRESHED', tokens);
        return tokens;
      } catch (error) {
        if (error instanceof AuthError && error.status >= 400 && error.status < 500) {
          await signOut();
          return null;
        }
        throw error;
      }
    };
    return crossTab ? crossTab.run(rotate) : rotate();
  }

  function refresh(usedAccess?: string): Promise<AuthTokens | null> {
    if (!inFlight) {
      inFlight = doRefresh(usedAccess).finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  }

  async function settled(): Promise<void> {
    if (inFlight) await inFlight.catch(() => undefined);
    if (crossTab) await crossTab.idle();
  }

  /** The token to retry with after a 401 on `used`: someone else's fresh one, or one refresh. */
  async function afterUnauthorized(used: string): Promise<AuthTokens | null> {
    await settled();
    const current = await store.get();
    if (current && current.accessToken !== used) return current;
    return refresh(used);
  }

  return {
    requestOtp: (subject, channel = 'email') => call('/auth/otp/request', { subject, channel }),
    verifyOtp: async (ticketId, code) => signedIn(await call('/auth/otp/verify', { ticketId, code })),
    login: async (input) => signedIn(await call('/auth/login', input)),
    refresh: () => refresh(),
    getTokens: async () => store.get(),
    async logout() {
      const tokens = await store.get();
      try {
        if (tokens?.accessToken) await call('/auth/logout', undefined, tokens.accessToken);
      } catch (error) {
        if (!(error instanceof AuthError) || error.status !== 401) throw error;
      } finally {
        await signOut();
      }
    },
    async fetchWithAuth(path, init = {}) {
      await settled();
      const tokens = await store.get();
      const url = /^https?:\/\//.test(path) ? path : `${base}${path.startsWith('/') ? path : `/${path}`}`;
      const first = await doFetch(url, { ...init, headers: headers(init.headers, tokens?.accessToken) });
      if (first.status !== 401 || !tokens?.accessToken) return first;
      const fresh = await afterUnauthorized(tokens.accessToken);
      if (!fresh) return first;
      return doFetch(url, { ...init, headers: headers(init.headers, fresh.accessToken) });
    },
    onAuthStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      crossTab?.close();
      listeners.clear();
    },
  };
}
