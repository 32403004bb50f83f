import { Inject, Injectable } from '@nestjs/common';
import { AUTHX_OPTIONS, type ResolvedAuthxOptions } from '../authx.options';
import { ThrottledError } from '../authx.errors';
import { AuditService } from '../audit/audit.service';
import { OtpStore } from '../ports/otp-store';
import { SessionService } from '../sessions/session.service';
import { TotpService, type TotpResult } from './totp.service';

const HOUR_MS = 3_600_000;

/** The signed-in caller of a step-up. */
export interface StepUpCaller {
  tenantId: string;
  userId: string;
  sessionId: string;
}

/**
 * TOTP step-up for a signed-in session, limited as OTP is ({@link TotpStepUpPolicy}): wrong
 * codes are counted per session and per user, and a user's checks are paced (one verify and one
 * confirm per `minIntervalMs`) so a parallel burst cannot race past the counters; the session's last allowed failure revokes the
 * session, the user's locks step-up for every session of the user. A locked caller gets 429
 * `TOTP_LOCKED` with `Retry-After` before its code is looked at. Every wrong code and every
 * lock is audited. Sign-in with `channel: totp` is limited by its ticket and the OTP budgets
 * instead, so a stranger cannot lock a user out of signing in.
 *
 * @example
 * const result = await stepUp.verify({ tenantId, userId, sessionId }, code); // 'ok' | 'invalid' | …
 */
@Injectable()
export class TotpStepUpService {
  constructor(
    private readonly totp: TotpService,
    private readonly store: OtpStore,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  /** Verifies a code of the caller's confirmed enrolment. */
  verify(caller: StepUpCaller, code: string): Promise<TotpResult> {
    return this.limited(caller, 'totp.verify', () => this.totp.verify(caller.tenantId, caller.userId, code));
  }

  /** Confirms the caller's pending enrolment. */
  confirm(caller: StepUpCaller, code: string): Promise<TotpResult> {
    return this.limited(caller, 'totp.confirm', () => this.totp.confirm(caller.tenantId, caller.userId, code));
  }

  private async limited(caller: StepUpCaller, action: string, check: () => Promise<TotpResult>): Promise<TotpResult> {
    const keys = this.keys(caller, action);
    const lockedMs = Math.max(await this.store.markedFor(keys.sessionLock), await this.store.markedFor(keys.userLock));
    if (lockedMs > 0) throw await this.locked(caller, action, lockedMs);
    const policy = this.options.totpStepUp;
    const paced = await this.store.take([{ key: keys.pace, max: 1, windowMs: policy.minIntervalMs }]);
    if (!paced.ok) throw new ThrottledError('totp_rate_limited', 'one code at a time; retry in a moment', paced.resetMs / 1000);
    const result = await check();
    if (result !== 'invalid') return result;
    await this.record(caller, action, 'totp_wrong_code');
    const [session, user] = await Promise.all([
      this.store.hit(keys.sessionFailures, policy.sessionWindowSec * 1000),
      this.store.hit(keys.userFailures, HOUR_MS),
    ]);
    if (user.count >= policy.maxFailuresPerUser) {
      await this.store.mark(keys.userLock, policy.userLockSec * 1000);
      throw await this.locked(caller, action, policy.userLockSec * 1000);
    }
    if (session.count >= policy.maxFailuresPerSession) {
      await this.store.mark(keys.sessionLock, session.resetMs);
      await this.sessions.revoke(caller.sessionId, 'totp_locked');
      throw await this.locked(caller, action, session.resetMs);
    }
    return result;
  }

  private async locked(caller: StepUpCaller, action: string, retryAfterMs: number): Promise<ThrottledError> {
    await this.record(caller, action, 'totp_locked');
    return new ThrottledError('totp_locked', 'too many wrong codes; step-up is locked for a while', retryAfterMs / 1000);
  }

  private record(caller: StepUpCaller, action: string, reason: string): Promise<void> {
    return this.audit.record({
      kind: 'totp',
      action,
      object: `user:${caller.userId}`,
      decision: 'deny',
      reason,
      tenantId: caller.tenantId,
      principal: caller.userId,
    });
  }

  private keys({ tenantId, userId, sessionId }: StepUpCaller, action: string) {
    return {
      sessionFailures: `totp-fail:s:${sessionId}`,
      sessionLock: `totp-lock:s:${sessionId}`,
      userFailures: `totp-fail:u:${tenantId}:${userId}`,
      userLock: `totp-lock:u:${tenantId}:${userId}`,
      pace: `totp-pace:${action}:${tenantId}:${userId}`,
    };
  }
}
