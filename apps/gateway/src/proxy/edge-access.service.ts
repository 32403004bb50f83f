import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import {
  bearerToken,
  cacheVerifiedTokens,
  createEdgeVerifier,
  EdgeAuthError,
  edgeAuthOptionsFromEnv,
  policyFor,
  type EdgeClaims,
  type EdgeVerifier,
  type PolicyRule,
} from '@mikasmissions/edge-auth';
import { EDGE_ROLES, type EdgeRole } from '@mikasmissions/service-identity';
import { gatewayConfig } from './gateway.config';
import { EdgeUnauthenticatedError, InsufficientRoleError, RouteNotFoundError } from './gateway.errors';
import { GATEWAY_POLICY } from './gateway-policy';

/** What the edge decided about a request it lets through. */
export interface EdgeAccess {
  rule: PolicyRule;
  /** The verified caller; `undefined` on public routes and token-less permissive calls. */
  claims?: EdgeClaims & { role: EdgeRole };
}

const isEdgeRole = (role: string | undefined): role is EdgeRole => (EDGE_ROLES as readonly string[]).includes(role ?? '');

/**
 * The edge's auth decision for one request: the route's policy rule, then the bearer token.
 * Public routes pass without looking at the token. A token, when sent, is always verified and
 * its role checked (both modes); without one, `enforce` answers 401 `missing_token` and
 * `permissive` lets the request through anonymously.
 */
@Injectable()
export class EdgeAccessService {
  private readonly verifier: EdgeVerifier;
  readonly mode: 'permissive' | 'enforce';

  constructor(config: AppConfig) {
    const env = config.slice(gatewayConfig);
    // With a JWKS the core JWT_SECRET (required by every app) is not an edge key; AUTH_JWT_SECRET still is.
    const secret = config.jwt.kind === 'secret' && !env.AUTH_JWKS_URL && !env.SUPABASE_JWKS_URL ? config.jwt.secret : undefined;
    const {
      AUTH_JWT_SECRET,
      AUTH_JWKS_URL,
      SUPABASE_JWKS_URL,
      AUTH_JWT_ISSUER,
      AUTH_JWT_AUDIENCE,
      AUTH_JWT_CLOCK_TOLERANCE_SEC,
      AUTH_JWKS_COOLDOWN_MS,
    } = env;
    const keys = {
      AUTH_JWT_SECRET,
      AUTH_JWKS_URL,
      SUPABASE_JWKS_URL,
      AUTH_JWT_ISSUER,
      AUTH_JWT_AUDIENCE,
      AUTH_JWT_CLOCK_TOLERANCE_SEC,
      AUTH_JWKS_COOLDOWN_MS,
    };
    this.verifier = cacheVerifiedTokens(createEdgeVerifier(edgeAuthOptionsFromEnv({ ...keys, JWT_SECRET: secret })), {
      maxAgeMs: env.GATEWAY_TOKEN_CACHE_MS,
    });
    this.mode = config.auth.mode;
  }

  /** Throws the route's 404, 401 or 403; else what the edge knows about the caller. */
  async decide(method: string, url: string, authorization: string | undefined): Promise<EdgeAccess> {
    const rule = policyFor(method, url, GATEWAY_POLICY);
    if (!rule) throw new RouteNotFoundError(method, url);
    if (rule.roles === 'public') return { rule };
    const claims = await this.verify(authorization);
    if (!claims) return { rule };
    if (!isEdgeRole(claims.role) || !rule.roles.includes(claims.role)) throw new InsufficientRoleError(claims.role, rule.roles);
    return { rule, claims: claims as EdgeClaims & { role: EdgeRole } };
  }

  private async verify(authorization: string | undefined): Promise<EdgeClaims | undefined> {
    try {
      const token = bearerToken(authorization);
      if (token === undefined) {
        if (this.mode === 'enforce') throw new EdgeAuthError('missing_token', 'this route needs a bearer token');
        return undefined;
      }
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof EdgeAuthError) throw new EdgeUnauthenticatedError(error.code, error.message);
      throw error;
    }
  }
}
