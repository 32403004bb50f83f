import type { TokenStore } from './token-store';

/** The tokens a client holds. */
export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  sessionId?: string;
  expiresIn?: number;
}

/** What changed, for {@link AuthClient.onAuthStateChange} listeners. */
export type AuthEvent = 'SIGNED_IN' | 'TOKEN_REFRESHED' | 'SIGNED_OUT';

/** A listener of auth state changes. */
export type AuthStateListener = (event: AuthEvent, tokens: AuthTokens | null) => void;

/** Options of `createAuthClient`. */
export interface AuthClientOptions {
  /** Base URL of the AuthX host, e.g. `http://localhost:3003/api/v1/analytics`. */
  baseUrl: string;
  /**
   * Where the tokens live. Default: {@link memoryTokenStore} (Node and browsers alike). In a
   * browser, `webStorageTokenStore(sessionStorage)` keeps them across a reload. Not together
   * with `getTokens` / `setTokens`.
   */
  tokenStore?: TokenStore;
  /** A store as two functions (both or neither): reads the current tokens. */
  getTokens?: () => AuthTokens | null | Promise<AuthTokens | null>;
  /** A store as two functions (both or neither): stores new tokens; `null` signs out. */
  setTokens?: (tokens: AuthTokens | null) => void | Promise<void>;
  /** fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Sent as `x-tenant-id` on every call when set. */
  tenantId?: string;
  /**
   * Share refreshes between tabs of one origin (Web Locks + BroadcastChannel). Default: on in
   * browsers when those APIs exist and the store is shared between tabs (not memory or
   * sessionStorage), off elsewhere.
   */
  crossTab?: boolean;
  /** Longest wait for another tab's refresh before going ahead alone. Default 10 000 ms. */
  crossTabTimeoutMs?: number;
}

/** The AuthX client. */
export interface AuthClient {
  /** `POST /auth/otp/request`: sends a code to `subject`. */
  requestOtp(subject: string, channel?: 'email' | 'sms' | 'totp'): Promise<{ ticketId: string; expiresIn: number }>;
  /** `POST /auth/otp/verify`: trades the code for tokens and stores them. */
  verifyOtp(ticketId: string, code: string): Promise<AuthTokens>;
  /** Dev only (`AUTH_DEV_LOGIN=true`): `POST /auth/login { userId }`. */
  login(input: { userId: string; roles?: string[] }): Promise<AuthTokens>;
  /** Rotates the refresh token; concurrent calls share one request. Null (and signed out) when it fails. */
  refresh(): Promise<AuthTokens | null>;
  /** The tokens the store holds now (null when signed out). */
  getTokens(): Promise<AuthTokens | null>;
  /** `POST /auth/logout`, then forgets the tokens. */
  logout(): Promise<void>;
  /** fetch with the bearer token; on 401 refreshes once (shared) and retries once. */
  fetchWithAuth(path: string, init?: RequestInit): Promise<Response>;
  /** Subscribes to sign-in, refresh and sign-out; returns the unsubscribe function. */
  onAuthStateChange(listener: AuthStateListener): () => void;
  /** Releases cross-tab resources (BroadcastChannel). */
  close(): void;
}
