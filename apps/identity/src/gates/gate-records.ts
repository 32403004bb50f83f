/** The two kinds of parent gate. */
export type GateMethod = 'pin' | 'math';

/** A gate challenge as stored (the math answer only as a hash). */
export interface GateChallenge {
  id: string;
  tenantId: string;
  parentUserId: string;
  childProfileId: string;
  method: GateMethod;
  /** sha256 of `<id>:<answer>` for `math`; `null` for `pin` (checked against the PIN hash). */
  answerHash: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A gate token as stored (only its hash). */
export interface GateToken {
  tokenHash: string;
  tenantId: string;
  parentUserId: string;
  childProfileId: string;
  expiresAt: Date;
}

/** The lockout rule: `maxFailures` wrong answers within `windowMs` lock gates for `lockMs`. */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** 5 wrong answers within 15 minutes lock a parent's gates for 15 minutes. */
export const GATE_LOCKOUT: LockoutPolicy = Object.freeze({ maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });

/** A challenge and a gate token each live 5 minutes. */
export const GATE_TTL_MS = 5 * 60_000;

/** What {@link GateStore.recordFailure} reports. */
export interface FailureOutcome {
  failures: number;
  /** Set when this failure locked the gates. */
  lockedUntil: Date | null;
}
