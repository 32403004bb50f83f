import { scopeAllows, type FamilyScope } from '../../family-scope/family-scope';
import { KidsSessionStore, type KidsSession } from '../kids-session.store';

/** {@link KidsSessionStore} in memory, with the Postgres policies' scope rule. */
export class MemoryKidsSessionStore extends KidsSessionStore {
  private readonly sessions = new Map<string, KidsSession & { revokedAt: Date | null }>();

  async add(scope: FamilyScope, session: KidsSession): Promise<void> {
    if (!scopeAllows(scope, session.tenantId, session.parentUserId)) throw new Error("kids session outside the caller's family scope");
    this.sessions.set(session.sessionId, { ...session, revokedAt: null });
  }

  async live(scope: FamilyScope, childProfileId: string, now: Date): Promise<KidsSession[]> {
    return [...this.sessions.values()]
      .filter(
        (s) => scopeAllows(scope, s.tenantId, s.parentUserId) && s.childProfileId === childProfileId && !s.revokedAt && s.expiresAt > now,
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(({ revokedAt: _r, ...s }) => ({ ...s }));
  }

  async eraseChild(scope: FamilyScope, childProfileId: string): Promise<number> {
    let erased = 0;
    for (const [id, s] of this.sessions) {
      if (s.childProfileId === childProfileId && scopeAllows(scope, s.tenantId, s.parentUserId)) {
        this.sessions.delete(id);
        erased++;
      }
    }
    return erased;
  }

  async markRevoked(scope: FamilyScope, sessionIds: string[], at: Date): Promise<number> {
    let count = 0;
    for (const id of sessionIds) {
      const s = this.sessions.get(id);
      if (s && scopeAllows(scope, s.tenantId, s.parentUserId) && !s.revokedAt) {
        s.revokedAt = at;
        count++;
      }
    }
    return count;
  }
}
