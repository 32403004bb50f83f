import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AUTHX_OPTIONS, type ResolvedAuthxOptions } from '../authx.options';
import { UnauthenticatedError } from '../authx.errors';
import { AuditService } from '../audit/audit.service';
import { RoleAssignmentStore } from '../ports/role-assignment-store';
import { SessionStore, type SessionRecord } from '../ports/session-store';
import { JwtCodec } from '../tokens/jwt-codec';
import { SecretBox, hashToken, randomToken } from '../tokens/secret-box';

/** What a successful login or refresh returns. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** What {@link SessionService.state} reports for a session id. */
export type SessionState = 'live' | 'revoked' | 'unknown';

/** Who a new session is for. */
export interface SessionSubject {
  tenantId: string;
  userId: string;
  roles: string[];
  userAgent?: string | null;
}

/** How {@link SessionService.open} shapes a session beyond its subject. */
export interface SessionOpenOptions {
  /** Which assigned roles to keep (all by default). */
  keepAssigned?: (role: string) => boolean;
  /** Extra claims every access token of the session carries; reserved JWT/AuthX names are refused. */
  claims?: Record<string, string>;
  /** The session's lifetime, at most `REFRESH_TOKEN_TTL_SEC` (the default). */
  ttlSec?: number;
}

/** Claim names AuthX sets itself, which {@link SessionOpenOptions.claims} may not override. */
const RESERVED_CLAIMS = new Set(['sub', 'tenant', 'roles', 'sid', 'jti', 'iss', 'aud', 'iat', 'nbf', 'exp']);

/**
 * Sessions, access tokens and rotating refresh tokens. Every refresh rotates the token; a
 * rotated token presented again within the grace window gets the same pair (a client race),
 * later it is treated as theft and the whole session is revoked.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly store: SessionStore,
    private readonly assignments: RoleAssignmentStore,
    private readonly codec: JwtCodec,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  /**
   * Opens a session with the given roles plus the user's assigned roles (those `keepAssigned`
   * accepts; all by default); returns its first token pair.
   */
  async open(subject: SessionSubject, { keepAssigned, claims, ttlSec }: SessionOpenOptions = {}): Promise<TokenPair> {
    const reserved = Object.keys(claims ?? {}).filter((name) => RESERVED_CLAIMS.has(name));
    if (reserved.length > 0) throw new Error(`SessionService.open: claims ${reserved.join(', ')} are reserved`);
    const lifetimeSec = Math.min(ttlSec ?? this.options.refreshTokenTtlSec, this.options.refreshTokenTtlSec);
    const all = await this.assignments.rolesOf(subject.tenantId, subject.userId);
    const assigned = keepAssigned ? all.filter(keepAssigned) : all;
    const now = Date.now();
    const session: SessionRecord = {
      id: randomUUID(),
      tenantId: subject.tenantId,
      userId: subject.userId,
      roles: [...new Set([...subject.roles, ...assigned])],
      createdAt: now,
      lastUsedAt: now,
      expiresAt: now + lifetimeSec * 1000,
      revokedAt: null,
      revokeReason: null,
      userAgent: subject.userAgent ? subject.userAgent.slice(0, 300) : null,
      claims: claims ? { ...claims } : null,
    };
    const refreshToken = randomToken();
    await this.store.createSession(session, { hash: hashToken(refreshToken), sessionId: session.id, expiresAt: session.expiresAt });
    return await this.pair(session, refreshToken, now);
  }

  /** Rotates `refreshToken`; 401 when it is unknown, expired, revoked or re-used. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = Date.now();
    let minted: TokenPair | undefined;
    const result = await this.store.rotate(hashToken(refreshToken), now, this.options.refreshGraceSec * 1000, async (session) => {
      const next = randomToken();
      minted = await this.pair(session, next, now);
      return {
        next: { hash: hashToken(next), sessionId: session.id, expiresAt: session.expiresAt },
        graceCipher: this.box.seal(JSON.stringify(minted), refreshToken),
      };
    });
    if (result.kind === 'rotated' && minted) return minted;
    if (result.kind === 'grace') {
      const opened = this.box.open(result.graceCipher, refreshToken);
      if (opened) return JSON.parse(opened) as TokenPair;
    }
    if (result.kind === 'reuse') {
      await this.store.revokeSession(result.session.id, 'refresh_token_reuse', now);
      await this.audit.record({
        kind: 'refresh',
        action: 'refresh',
        object: `session:${result.session.id}`,
        decision: 'deny',
        reason: 'refresh_token_reused',
        tenantId: result.session.tenantId,
        principal: result.session.userId,
      });
      throw new UnauthenticatedError('refresh_token_reused', 'refresh token was already used; the session has been revoked');
    }
    throw new UnauthenticatedError('refresh_token_invalid', 'refresh token is invalid, expired or revoked');
  }

  /** Revokes a session; with `owner`, only if it belongs to that user and tenant. */
  async revoke(sessionId: string, reason: string, owner?: { tenantId: string; userId: string }): Promise<boolean> {
    if (owner) {
      const session = await this.store.getSession(sessionId);
      if (!session || session.tenantId !== owner.tenantId || session.userId !== owner.userId) return false;
    }
    return this.store.revokeSession(sessionId, reason, Date.now());
  }

  /** Live sessions of a user, without secrets. */
  async list(tenantId: string, userId: string): Promise<Array<Omit<SessionRecord, 'revokedAt' | 'revokeReason'>>> {
    const sessions = await this.store.listSessions(tenantId, userId, Date.now());
    return sessions.map(({ revokedAt: _r, revokeReason: _rr, ...s }) => s);
  }

  /**
   * What the store says about `sessionId`: `live`, `revoked` (signed out, reuse detected, or
   * over) or `unknown` (never opened here). Bearer authentication fails closed on both of the
   * latter: an access token is only as good as a session this store issued and still holds.
   */
  async state(sessionId: string): Promise<SessionState> {
    const session = await this.store.getSession(sessionId);
    if (!session) return 'unknown';
    return session.revokedAt !== null || session.expiresAt <= Date.now() ? 'revoked' : 'live';
  }

  private async pair(session: SessionRecord, refreshToken: string, now: number): Promise<TokenPair> {
    const accessToken = await this.codec.sign(
      {
        ...this.options.sessionClaims?.(session),
        ...(session.claims ?? {}),
        sub: session.userId,
        tenant: session.tenantId,
        roles: session.roles,
        sid: session.id,
        jti: randomUUID(),
      },
      Math.max(1, Math.min(this.options.accessTokenTtlSec, Math.floor((session.expiresAt - now) / 1000))),
      now,
    );
    return {
      accessToken,
      refreshToken,
      sessionId: session.id,
      tokenType: 'Bearer',
      expiresIn: Math.max(1, Math.min(this.options.accessTokenTtlSec, Math.floor((session.expiresAt - now) / 1000))),
    };
  }
}
