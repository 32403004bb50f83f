import type { FamilyScope } from '../family-scope/family-scope';
import type { FailureOutcome, GateChallenge, GateToken, LockoutPolicy } from './gate-records';

/**
 * Port: a parent's gate state — PIN hash, challenges, wrong-answer lockout and gate tokens —
 * always within a {@link FamilyScope}. Taking a challenge and consuming a token are atomic: of
 * concurrent callers exactly one wins. Adapters: memory, Postgres (row-level security).
 */
export abstract class GateStore {
  /** Stores (or replaces) the parent's PIN hash. */
  abstract setPin(scope: FamilyScope, parentUserId: string, pinHash: string, at: Date): Promise<void>;
  /** The parent's PIN hash, or `null` when none is set. */
  abstract pinHash(scope: FamilyScope, parentUserId: string): Promise<string | null>;
  /** Stores a new challenge. */
  abstract createChallenge(scope: FamilyScope, challenge: GateChallenge): Promise<void>;
  /** Marks the challenge used and returns it, if it is live, unused and for this parent and child; else `null`. */
  abstract takeChallenge(
    scope: FamilyScope,
    ref: { id: string; parentUserId: string; childProfileId: string; now: Date },
  ): Promise<GateChallenge | null>;
  /** When the parent's gates are locked until (a future instant), else `null`. */
  abstract lockedUntil(scope: FamilyScope, parentUserId: string, now: Date): Promise<Date | null>;
  /** Counts a wrong answer; the one that reaches `policy.maxFailures` within the window locks the gates. */
  abstract recordFailure(scope: FamilyScope, parentUserId: string, now: Date, policy: LockoutPolicy): Promise<FailureOutcome>;
  /** Forgets the parent's wrong answers (after a right one). */
  abstract clearFailures(scope: FamilyScope, parentUserId: string): Promise<void>;
  /** Stores a new gate token. */
  abstract issueToken(scope: FamilyScope, token: GateToken): Promise<void>;
  /** Deletes the parent's challenges and gate tokens that expired before `before` (data minimisation); returns how many. */
  abstract purgeExpired(scope: FamilyScope, parentUserId: string, before: Date): Promise<number>;
  /** Deletes every challenge and gate token of the child (erasure); returns how many. */
  abstract eraseChild(scope: FamilyScope, childProfileId: string): Promise<number>;
  /** Consumes the token if it is live, unused and bound to `childProfileId`; `false` otherwise (a second call is `false`). */
  abstract consumeToken(scope: FamilyScope, ref: { tokenHash: string; childProfileId: string; now: Date }): Promise<boolean>;
}
