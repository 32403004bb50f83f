import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import type { Principal } from '@mikasmissions/context';
import { AuthxUnavailableError, UnauthenticatedError } from '../authx.errors';
import { AuditService } from '../audit/audit.service';
import { SessionService, type SessionState } from '../sessions/session.service';
import { JwtCodec, type AccessTokenClaims } from '../tokens/jwt-codec';
import { VerifiedTokenCache } from '../tokens/verified-token.cache';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * The edge role and family ids a token of ours carries (`mm_role`, `parent_user_id`,
 * `child_profile_id`, minted through `sessionClaims`), so a bearer principal that replaces the
 * gateway's identity keeps its parent scoping.
 */
function edgeFields(claims: AccessTokenClaims): Pick<Principal, 'role' | 'parentUserId' | 'childProfileId'> {
  const c = claims as unknown as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const fields: Pick<Principal, 'role' | 'parentUserId' | 'childProfileId'> = {};
  if (text(c.mm_role)) fields.role = text(c.mm_role);
  if (text(c.parent_user_id)) fields.parentUserId = text(c.parent_user_id);
  if (text(c.child_profile_id)) fields.childProfileId = text(c.child_profile_id);
  return fields;
}

/**
 * Authenticates a request from its `Authorization` header: `Bearer <token>`, verified by the
 * {@link JwtCodec} (one algorithm, kid, exp/nbf/iss/aud), then rejected unless the session store
 * holds its session live: revoked (logout, reuse detection) → `SESSION_REVOKED`, never seen by
 * this store (a forged or foreign `sid`) → `SESSION_UNKNOWN` (fail closed). Every rejection is
 * audited (`authenticate`/`bearer`) with its reason: `TOKEN_MISSING`, `TOKEN_INVALID`,
 * `TOKEN_EXPIRED`, `SESSION_REVOKED`, `SESSION_UNKNOWN`, … A failing
 * session store is a 503 {@link AuthxUnavailableError}, not a 401. A token verified once is
 * kept (until its `exp`, LRU-bounded) in a {@link VerifiedTokenCache}, so a repeat caller pays
 * a map lookup instead of the signature check; the session check still runs every request.
 *
 * @example
 * const principal = await bearer.authenticate(req.headers.authorization, { required: route.requiresPrincipal });
 * if (principal) ctx.setPrincipal(principal); // null: anonymous, AUTH_MODE=permissive, not an admin route
 */
@Injectable()
export class BearerAuthenticator {
  private readonly verified = new VerifiedTokenCache();

  constructor(
    private readonly codec: JwtCodec,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The caller's principal; `null` for a caller without a token in permissive mode unless
   * `required` (admin routes: every mode); else a 401.
   */
  async authenticate(
    authorization: string | string[] | undefined,
    { required = false }: { required?: boolean } = {},
  ): Promise<Principal | null> {
    if (authorization === undefined) {
      if (this.config.auth.mode === 'permissive' && !required) return null;
      throw await this.deny('token_missing', new UnauthenticatedError('unauthenticated', 'a bearer token is required'));
    }
    const token = typeof authorization === 'string' ? BEARER.exec(authorization)?.[1] : undefined;
    if (!token)
      throw await this.deny(
        'token_invalid',
        new UnauthenticatedError('token_invalid', 'the Authorization header must be "Bearer <token>"'),
      );
    let claims = this.verified.get(token, Date.now());
    if (!claims) claims = await this.verify(token);
    const state = await this.sessionState(claims.sid);
    if (state === 'revoked')
      throw await this.deny('session_revoked', new UnauthenticatedError('session_revoked', 'this session was signed out or revoked'));
    if (state === 'unknown')
      throw await this.deny(
        'session_unknown',
        new UnauthenticatedError('session_unknown', 'this token names a session this service never opened; sign in again'),
      );
    return {
      userId: claims.sub,
      tenantId: claims.tenant,
      roles: [...claims.roles],
      sessionId: claims.sid,
      claims: { iss: claims.iss, aud: claims.aud, iat: claims.iat, exp: claims.exp, jti: claims.jti },
      ...edgeFields(claims),
    };
  }

  /** Verifies `token` with the codec (a 401 audited with its reason) and keeps it on success. */
  private async verify(token: string): Promise<AccessTokenClaims> {
    try {
      return this.verified.put(token, await this.codec.verify(token));
    } catch (error) {
      const rejection = error instanceof UnauthenticatedError ? error : new UnauthenticatedError('token_invalid', 'token is not a JWT');
      throw await this.deny(rejection.code, rejection);
    }
  }

  private async sessionState(sessionId: string): Promise<SessionState> {
    try {
      return await this.sessions.state(sessionId);
    } catch (error) {
      throw error instanceof AuthxUnavailableError ? error : new AuthxUnavailableError(error);
    }
  }

  private async deny(reason: string, error: UnauthenticatedError): Promise<UnauthenticatedError> {
    await this.audit.record({ kind: 'authenticate', action: 'bearer', object: null, decision: 'deny', reason, principal: null });
    return error;
  }
}
