import type { AuthTokens } from './types';

/**
 * Where a client keeps its tokens. `get` may be called often (before every request), `set(null)`
 * means signed out. Both may be async (secure storage, a keychain, …).
 */
export interface TokenStore {
  get(): AuthTokens | null | Promise<AuthTokens | null>;
  set(tokens: AuthTokens | null): void | Promise<void>;
  /**
   * Whether other tabs of the origin see the same tokens (then `crossTab` defaults to on in
   * browsers). Memory and sessionStorage are per tab: false. Unset counts as shared.
   */
  readonly sharedAcrossTabs?: boolean;
}

/** The part of the Web Storage API a store needs (`sessionStorage`, or your own). */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Tokens in this process's memory only (the default; works in Node, gone on reload in a browser). */
export function memoryTokenStore(initial: AuthTokens | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
    sharedAcrossTabs: false,
  };
}

const isTokens = (value: unknown): value is AuthTokens =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AuthTokens).accessToken === 'string' &&
  typeof (value as AuthTokens).refreshToken === 'string';

/**
 * Tokens as JSON under `key` in a Web Storage you pass, e.g. `webStorageTokenStore(sessionStorage)`
 * (survives a reload, not a closed tab). An unreadable entry counts as signed out. Nothing picks
 * `localStorage` for you: tokens there are readable by any script of the origin, for good.
 */
export function webStorageTokenStore(storage: WebStorageLike, key = 'authx:tokens'): TokenStore {
  if (!storage || typeof storage.getItem !== 'function') {
    throw new TypeError('webStorageTokenStore needs a Storage (e.g. sessionStorage); use memoryTokenStore() outside a browser');
  }
  const session = (globalThis as { sessionStorage?: unknown }).sessionStorage;
  return {
    get: () => {
      const raw = storage.getItem(key);
      if (raw === null) return null;
      try {
        const parsed: unknown = JSON.parse(raw);
        return isTokens(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    set: (tokens) => (tokens ? storage.setItem(key, JSON.stringify(tokens)) : storage.removeItem(key)),
    sharedAcrossTabs: session === undefined || storage !== session,
  };
}
