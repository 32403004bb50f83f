/** A signed-in session: the family every refresh token of one login belongs to. */
export interface SessionRecord {
  id: string;
  tenantId: string;
  userId: string;
  roles: string[];
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
  revokedAt: number | null;
  revokeReason: string | null;
  userAgent: string | null;
  /** Extra signed claims every access token of this session carries (`mm_role`, `parent_user_id`, …). */
  claims?: Record<string, string> | null;
}

/** A refresh token as stored: only its hash. */
export interface RefreshTokenRecord {
  hash: string;
  sessionId: string;
  expiresAt: number;
}

/** Outcome of {@link SessionStore.rotate}. */
export type RotateResult =
  | { kind: 'rotated'; session: SessionRecord }
  | { kind: 'grace'; session: SessionRecord; graceCipher: string }
  | { kind: 'reuse'; session: SessionRecord }
  | { kind: 'invalid' };

/** What a {@link RotationMinter} returns: the successor token and the sealed pair for the grace window. */
export interface MintedRotation {
  next: RefreshTokenRecord;
  graceCipher: string;
}

/**
 * Called inside the rotation (while the old token is held) with the live session. May be async
 * (signing the access token is); adapters keep the rotation atomic across the await.
 */
export type RotationMinter = (session: SessionRecord) => MintedRotation | Promise<MintedRotation>;

/**
 * Port: sessions and their refresh tokens. Adapters: memory, Postgres.
 * `rotate` is atomic: of concurrent callers presenting one token exactly one rotates it.
 */
export abstract class SessionStore {
  abstract createSession(session: SessionRecord, firstToken: RefreshTokenRecord): Promise<void>;
  abstract getSession(id: string): Promise<SessionRecord | null>;
  /**
   * Replaces `oldHash` by the token `mint` makes if it is live. When it was already rotated less than
   * `graceMs` ago it returns the cipher stored with that rotation (`grace`); later, `reuse`.
   * Unknown, expired or revoked tokens (or sessions) are `invalid`.
   */
  abstract rotate(oldHash: string, now: number, graceMs: number, mint: RotationMinter): Promise<RotateResult>;
  /** Revokes the session and every refresh token of it; false when it was not live. */
  abstract revokeSession(id: string, reason: string, now: number): Promise<boolean>;
  /** Live sessions of one user in one tenant, newest first. */
  abstract listSessions(tenantId: string, userId: string, now: number): Promise<SessionRecord[]>;
}
