import { V1_POLICY, type PolicyRule } from '@mikasmissions/edge-auth';

const delegated = (method: string, path: string): PolicyRule => Object.freeze({ method, path, roles: 'public' as const });

/**
 * AuthX's own routes on identity (`/v1/auth/*`, JWKS, `/v1/me`, `/v1/admin/auth/*`): AuthX
 * verifies and authorizes them itself (its tokens carry `roles: ['user']`, which is no edge
 * role), so the edge only routes, strips client identity headers and rate-limits them.
 */
export const AUTHX_ROUTES: readonly PolicyRule[] = Object.freeze([
  delegated('*', '/v1/auth/*'),
  delegated('GET', '/v1/.well-known/jwks.json'),
  delegated('GET', '/v1/me'),
  delegated('*', '/v1/admin/auth/*'),
]);

/** The gateway's policy: AuthX's delegated routes, then issue 10's table ({@link V1_POLICY}). */
export const GATEWAY_POLICY: readonly PolicyRule[] = Object.freeze([...AUTHX_ROUTES, ...V1_POLICY]);
