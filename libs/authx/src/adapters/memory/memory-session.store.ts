import {
  SessionStore,
  type RefreshTokenRecord,
  type RotateResult,
  type RotationMinter,
  type SessionRecord,
} from '../../ports/session-store';

interface StoredToken extends RefreshTokenRecord {
  rotatedAt: number | null;
  graceCipher: string | null;
}

/** In-process sessions for dev and tests; same contract as the Postgres adapter. */
export class MemorySessionStore extends SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly tokens = new Map<string, StoredToken>();
  /** Rotations run one at a time, so an async minter cannot open a race window. */
  private rotations: Promise<unknown> = Promise.resolve();

  async createSession(session: SessionRecord, firstToken: RefreshTokenRecord): Promise<void> {
    this.sessions.set(session.id, { ...session, roles: [...session.roles] });
    this.tokens.set(firstToken.hash, { ...firstToken, rotatedAt: null, graceCipher: null });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const s = this.sessions.get(id);
    return s ? { ...s, roles: [...s.roles] } : null;
  }

  rotate(oldHash: string, now: number, graceMs: number, mint: RotationMinter): Promise<RotateResult> {
    const run = this.rotations.then(() => this.rotateNow(oldHash, now, graceMs, mint));
    this.rotations = run.catch(() => undefined);
    return run;
  }

  private async rotateNow(oldHash: string, now: number, graceMs: number, mint: RotationMinter): Promise<RotateResult> {
    const token = this.tokens.get(oldHash);
    const session = token ? this.sessions.get(token.sessionId) : undefined;
    if (!token || !session || session.revokedAt !== null || session.expiresAt <= now) return { kind: 'invalid' };
    if (token.rotatedAt !== null) {
      if (now - token.rotatedAt <= graceMs && token.graceCipher)
        return { kind: 'grace', session: { ...session }, graceCipher: token.graceCipher };
      return { kind: 'reuse', session: { ...session } };
    }
    if (token.expiresAt <= now) return { kind: 'invalid' };
    session.lastUsedAt = now;
    const { next, graceCipher } = await mint({ ...session, roles: [...session.roles] });
    token.rotatedAt = now;
    token.graceCipher = graceCipher;
    this.tokens.set(next.hash, { ...next, rotatedAt: null, graceCipher: null });
    return { kind: 'rotated', session: { ...session } };
  }

  async revokeSession(id: string, reason: string, now: number): Promise<boolean> {
    const session = this.sessions.get(id);
    if (!session || session.revokedAt !== null) return false;
    session.revokedAt = now;
    session.revokeReason = reason;
    return true;
  }

  async listSessions(tenantId: string, userId: string, now: number): Promise<SessionRecord[]> {
    return [...this.sessions.values()]
      .filter((s) => s.tenantId === tenantId && s.userId === userId && s.revokedAt === null && s.expiresAt > now)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((s) => ({ ...s, roles: [...s.roles] }));
  }
}
