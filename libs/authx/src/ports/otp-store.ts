/** A pending one-time-password login, as stored (the code only as a hash). */
export interface OtpTicket {
  id: string;
  tenantId: string;
  subject: string;
  channel: 'email' | 'sms' | 'totp';
  /** HMAC of the code; empty for TOTP tickets, whose code comes from the authenticator. */
  codeHash: string;
  maxAttempts: number;
  expiresAt: number;
}

/** A budget: at most `max` hits on `key` in a fixed window of `windowMs` that starts at the first hit. */
export interface OtpBudget {
  key: string;
  max: number;
  windowMs: number;
}

/** What {@link OtpStore.take} answers: every budget paid, or the first one that is spent and when it refills. */
export type OtpTakeResult = { ok: true } | { ok: false; key: string; resetMs: number };

/**
 * Port: short-lived OTP state — tickets, attempt counters, cooldowns and rate windows.
 * Adapters: memory, Redis. Every method is atomic with respect to concurrent callers.
 */
export abstract class OtpStore {
  /** Stores a ticket until its `expiresAt`. */
  abstract saveTicket(ticket: OtpTicket): Promise<void>;
  /** The live ticket, or null when unknown, expired or dead. */
  abstract getTicket(id: string): Promise<OtpTicket | null>;
  /**
   * Counts one attempt and returns how many the ticket has used (1…maxAttempts), or null
   * when it is gone; an attempt beyond `maxAttempts` deletes the ticket (dead) and is null.
   */
  abstract recordAttempt(id: string): Promise<number | null>;
  /** Deletes the ticket; true only for the one caller that removed it (single use). */
  abstract consumeTicket(id: string): Promise<boolean>;
  /** Claims `key` for `ttlMs` if free: 0 when claimed now, else the ms until it frees up. */
  abstract claimCooldown(key: string, ttlMs: number): Promise<number>;
  /** Counts a hit in the fixed window of `windowMs` starting at the first hit; returns count and ms left. */
  abstract hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
  /**
   * Takes one hit from every budget, or from none when one of them is spent (all or nothing,
   * atomic), so a refused request costs nothing. A budget with `max: 1` is a cooldown.
   */
  abstract take(budgets: readonly OtpBudget[]): Promise<OtpTakeResult>;
  /** Marks `key` for `ttlMs` (a later mark replaces the earlier one). */
  abstract mark(key: string, ttlMs: number): Promise<void>;
  /** The ms left on the mark of `key`; 0 when it has none. */
  abstract markedFor(key: string): Promise<number>;
}
