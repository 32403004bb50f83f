import { OtpStore, ThrottledError } from '@mikasmissions/authx';
import { createHash } from 'node:crypto';

/** Sign-in attempt budgets (fixed windows); see {@link LoginThrottle}. */
export interface LoginThrottlePolicy {
  windowMs: number;
  /** Attempts per address, whatever the account. */
  perIp: number;
  /** Attempts per (account, address): what one address can try on one account. */
  perAccountIp: number;
  /** Attempts per account from addresses it never signed in from. */
  perAccount: number;
  /** How long an address that signed in stays known for the account. */
  knownForMs: number;
}

/** 50 per address, 10 per (account, address), 20 per account from unknown addresses, per 15 minutes; known for 30 days. */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  windowMs: 15 * 60_000,
  perIp: 50,
  perAccountIp: 10,
  perAccount: 20,
  knownForMs: 30 * 86_400_000,
};

/**
 * Throttles password sign-ins on AuthX's limiter store ({@link OtpStore}: Redis, else memory;
 * budgets taken all or nothing) per address, per (account, address) and per account. An
 * address the account signed in from before is exempt from the account-wide budget, so an
 * attacker elsewhere can slow an account down but not lock its parent out. Over budget:
 * 429 `rate_limited` with `Retry-After`. Accounts are keyed by a hash, never the email.
 *
 * @example
 * await throttle.take('parent', tenantId, emailKey, ip); // before checking the password
 * await throttle.remember('parent', tenantId, emailKey, ip); // after a successful sign-in
 */
export class LoginThrottle {
  constructor(
    private readonly store: OtpStore,
    private readonly policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
  ) {}

  /** Spends one attempt, or throws 429 when a budget is spent. */
  async take(kind: string, tenantId: string, account: string, ip: string): Promise<void> {
    const { windowMs, perIp, perAccountIp, perAccount } = this.policy;
    const id = this.accountKey(kind, tenantId, account);
    const known = (await this.store.markedFor(this.knownKey(id, ip))) > 0;
    const budgets = [
      { key: `login:ip:${ip}`, max: perIp, windowMs },
      { key: `login:account-ip:${id}:${ip}`, max: perAccountIp, windowMs },
      ...(known ? [] : [{ key: `login:account:${id}`, max: perAccount, windowMs }]),
    ];
    const taken = await this.store.take(budgets);
    if (!taken.ok) throw new ThrottledError('rate_limited', 'too many sign-in attempts; wait and try again', taken.resetMs / 1000);
  }

  /** Marks `ip` as known for the account after a successful sign-in. */
  async remember(kind: string, tenantId: string, account: string, ip: string): Promise<void> {
    await this.store.mark(this.knownKey(this.accountKey(kind, tenantId, account), ip), this.policy.knownForMs);
  }

  private accountKey(kind: string, tenantId: string, account: string): string {
    return createHash('sha256').update(`${kind}\u0000${tenantId}\u0000${account}`).digest('hex').slice(0, 32);
  }

  private knownKey(id: string, ip: string): string {
    return `login:known:${id}:${ip}`;
  }
}
