export { createAuthClient } from './auth-client';
export { AuthError } from './auth-error';
export type { AuthClient, AuthClientOptions, AuthEvent, AuthStateListener, AuthTokens } from './types';
