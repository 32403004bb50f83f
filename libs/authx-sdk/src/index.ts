export { createAuthClient } from './auth-client';
export { AuthError } from './auth-error';
export { memoryTokenStore, webStorageTokenStore } from './token-store';
export type { TokenStore, WebStorageLike } from './token-store';
export type { AuthClient, AuthClientOptions, AuthEvent, AuthStateListener, AuthTokens } from './types';
