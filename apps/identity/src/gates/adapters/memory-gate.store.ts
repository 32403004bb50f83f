import { scopeAllows, type FamilyScope } from '../../family-scope/family-scope';
import type { FailureOutcome, GateChallenge, GateToken, LockoutPolicy } from '../gate-records';
import { GateStore } from '../gate.store';

interface Lockout {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

const key = (tenantId: string, id: string) => `${tenantId}/${id}`;

/** {@link GateStore} in memory (one process), with the Postgres policies' scope rule. */
export class MemoryGateStore extends GateStore {
  private readonly pins = new Map<string, string>();
  private readonly challenges = new Map<string, GateChallenge & { usedAt: Date | null }>();
  private readonly lockouts = new Map<string, Lockout>();
  private readonly tokens = new Map<string, GateToken & { consumedAt: Date | null }>();

  private guard(scope: FamilyScope, parentUserId: string): void {
    if (!scopeAllows(scope, scope.tenantId, parentUserId)) throw new Error("gate row outside the caller's family scope");
  }

  async setPin(scope: FamilyScope, parentUserId: string, pinHash: string): Promise<void> {
    this.guard(scope, parentUserId);
    this.pins.set(key(scope.tenantId, parentUserId), pinHash);
  }

  async pinHash(scope: FamilyScope, parentUserId: string): Promise<string | null> {
    return scopeAllows(scope, scope.tenantId, parentUserId) ? (this.pins.get(key(scope.tenantId, parentUserId)) ?? null) : null;
  }

  async createChallenge(scope: FamilyScope, challenge: GateChallenge): Promise<void> {
    this.guard(scope, challenge.parentUserId);
    this.challenges.set(challenge.id, { ...challenge, usedAt: null });
  }

  async takeChallenge(
    scope: FamilyScope,
    ref: { id: string; parentUserId: string; childProfileId: string; now: Date },
  ): Promise<GateChallenge | null> {
    const c = this.challenges.get(ref.id);
    if (
      !c ||
      !scopeAllows(scope, c.tenantId, c.parentUserId) ||
      c.usedAt ||
      c.expiresAt <= ref.now ||
      c.parentUserId !== ref.parentUserId ||
      c.childProfileId !== ref.childProfileId
    )
      return null;
    c.usedAt = ref.now;
    const { usedAt: _used, ...challenge } = c;
    return { ...challenge };
  }

  async lockedUntil(scope: FamilyScope, parentUserId: string, now: Date): Promise<Date | null> {
    const l = scopeAllows(scope, scope.tenantId, parentUserId) ? this.lockouts.get(key(scope.tenantId, parentUserId)) : undefined;
    return l?.lockedUntil && l.lockedUntil > now.getTime() ? new Date(l.lockedUntil) : null;
  }

  async recordFailure(scope: FamilyScope, parentUserId: string, now: Date, policy: LockoutPolicy): Promise<FailureOutcome> {
    this.guard(scope, parentUserId);
    const k = key(scope.tenantId, parentUserId);
    const at = now.getTime();
    const prev = this.lockouts.get(k);
    const fresh = !prev || at - prev.windowStartedAt > policy.windowMs;
    const failures = fresh ? 1 : prev.failures + 1;
    const lockedUntil = failures >= policy.maxFailures ? at + policy.lockMs : null;
    this.lockouts.set(k, {
      failures: lockedUntil ? 0 : failures,
      windowStartedAt: fresh || lockedUntil ? at : prev.windowStartedAt,
      lockedUntil: lockedUntil ?? prev?.lockedUntil ?? null,
    });
    return { failures, lockedUntil: lockedUntil ? new Date(lockedUntil) : null };
  }

  async clearFailures(scope: FamilyScope, parentUserId: string): Promise<void> {
    this.guard(scope, parentUserId);
    this.lockouts.delete(key(scope.tenantId, parentUserId));
  }

  async issueToken(scope: FamilyScope, token: GateToken): Promise<void> {
    this.guard(scope, token.parentUserId);
    this.tokens.set(token.tokenHash, { ...token, consumedAt: null });
  }

  async purgeExpired(scope: FamilyScope, parentUserId: string, before: Date): Promise<number> {
    let purged = 0;
    for (const rows of [this.challenges, this.tokens] as Array<Map<string, { tenantId: string; parentUserId: string; expiresAt: Date }>>) {
      for (const [id, row] of rows) {
        if (
          row.tenantId === scope.tenantId &&
          row.parentUserId === parentUserId &&
          scopeAllows(scope, row.tenantId, row.parentUserId) &&
          row.expiresAt < before
        ) {
          rows.delete(id);
          purged++;
        }
      }
    }
    return purged;
  }

  async eraseChild(scope: FamilyScope, childProfileId: string): Promise<number> {
    let erased = 0;
    for (const rows of [this.challenges, this.tokens] as Array<
      Map<string, { tenantId: string; parentUserId: string; childProfileId: string }>
    >) {
      for (const [id, row] of rows) {
        if (row.childProfileId === childProfileId && scopeAllows(scope, row.tenantId, row.parentUserId)) {
          rows.delete(id);
          erased++;
        }
      }
    }
    return erased;
  }

  async consumeToken(scope: FamilyScope, ref: { tokenHash: string; childProfileId: string; now: Date }): Promise<boolean> {
    const t = this.tokens.get(ref.tokenHash);
    if (
      !t ||
      !scopeAllows(scope, t.tenantId, t.parentUserId) ||
      t.consumedAt ||
      t.expiresAt <= ref.now ||
      t.childProfileId !== ref.childProfileId
    )
      return false;
    t.consumedAt = ref.now;
    return true;
  }
}
