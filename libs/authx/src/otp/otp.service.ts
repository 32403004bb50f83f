import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomInt } from 'node:crypto';
import { AUTHX_OPTIONS, type ResolvedAuthxOptions } from '../authx.options';
import { ThrottledError, UnauthenticatedError } from '../authx.errors';
import { AuditService } from '../audit/audit.service';
import { OtpStore, type OtpTicket } from '../ports/otp-store';
import { SessionService, type TokenPair } from '../sessions/session.service';
import { SecretBox, randomToken, safeEqual } from '../tokens/secret-box';
import { TotpService } from '../totp/totp.service';
import { OtpSender } from './otp-sender';

/** An OTP login request. */
export interface OtpRequest {
  subject: string;
  channel: OtpTicket['channel'];
  tenantId: string;
  ip: string;
}

const HOUR_MS = 3_600_000;

/** The stable user id of a subject in a tenant (no directory lookup, nothing to enumerate). */
export function userIdForSubject(tenantId: string, subject: string): string {
  return `u_${createHash('sha256').update(`${tenantId}\u0000${subject}`).digest('hex').slice(0, 24)}`;
}

/** Lower-cases emails and strips phone formatting, so one person is one subject. */
export function normalizeSubject(subject: string): string {
  const s = subject.trim();
  return s.includes('@') ? s.toLowerCase() : s.replace(/[\s().-]/g, '');
}

/** Where a verification comes from. */
export interface OtpVerifyContext {
  userAgent?: string;
  /** The caller's address; after a sign-in this (subject, address) counts as known for 30 days. */
  ip?: string;
}

/** What {@link OtpService.check} proves: who answered a ticket, and through which channel. */
export interface OtpCheck {
  tenantId: string;
  /** The normalised subject (lower-cased email, bare phone number). */
  subject: string;
  channel: OtpTicket['channel'];
  /** {@link userIdForSubject} of the subject. */
  userId: string;
}

/** How long a (subject, address) that signed in stays exempt from the subject and tenant budgets. */
export const KNOWN_ADDRESS_TTL_MS = 30 * 24 * HOUR_MS;

/**
 * OTP login: a random 6-digit code stored only as an HMAC, short expiry (≤ 10 min), a
 * bounded number of attempts, and budgets taken all or nothing (a refused request spends
 * none of them, so a cooldown refusal is no attempt):
 * - a cooldown per subject for codes that are sent;
 * - hourly caps per address, per (subject, address), per subject and per tenant.
 * A (subject, address) that signed in within 30 days is exempt from the subject and tenant
 * caps and has a cooldown of its own, so other addresses can slow a victim but not lock it
 * out where it usually signs in. The answer is the same whether or not anyone is known under
 * the subject.
 */
@Injectable()
export class OtpService {
  constructor(
    private readonly store: OtpStore,
    private readonly sender: OtpSender,
    private readonly sessions: SessionService,
    private readonly totp: TotpService,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  async request(req: OtpRequest): Promise<{ ticketId: string; expiresIn: number }> {
    const policy = this.options.otp;
    const subject = normalizeSubject(req.subject);
    await this.takeBudgets(req, subject);

    const id = randomToken(18);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const ticket: OtpTicket = {
      id,
      tenantId: req.tenantId,
      subject,
      channel: req.channel,
      codeHash: req.channel === 'totp' ? '' : this.box.mac('otp', id, code),
      maxAttempts: policy.maxAttempts,
      expiresAt: Date.now() + policy.ttlSec * 1000,
    };
    await this.store.saveTicket(ticket);
    if (req.channel !== 'totp') {
      try {
        await this.sender.send({ channel: req.channel, to: subject, code, expiresInSec: policy.ttlSec, tenantId: req.tenantId });
      } catch (error) {
        await this.store.consumeTicket(id);
        throw error;
      }
    }
    return { ticketId: id, expiresIn: policy.ttlSec };
  }

  /** Checks the code; on success the ticket is spent, the (subject, address) becomes known and a session opens. */
  async verify(ticketId: string, code: string, from: OtpVerifyContext = {}): Promise<TokenPair & { ok: true }> {
    const checked = await this.check(ticketId, code, from);
    const pair = await this.sessions.open({
      tenantId: checked.tenantId,
      userId: checked.userId,
      roles: this.options.defaultRoles,
      userAgent: from.userAgent,
    });
    return { ok: true, ...pair };
  }

  /**
   * {@link verify} without the session: the ticket is checked and spent and the (subject,
   * address) becomes known; the caller opens its own session (e.g. identity's parents, whose
   * user id is the parent's, not {@link userIdForSubject}). 401 `otp_invalid` otherwise.
   */
  async check(ticketId: string, code: string, from: OtpVerifyContext = {}): Promise<OtpCheck> {
    const ticket = await this.store.getTicket(ticketId);
    const used = ticket ? await this.store.recordAttempt(ticketId) : null;
    if (!ticket || used === null) {
      await this.audit.record({
        kind: 'otp',
        action: 'otp.verify',
        object: null,
        decision: 'deny',
        reason: 'otp_ticket_invalid',
        principal: null,
      });
      throw new UnauthenticatedError('otp_invalid', 'the code is wrong, expired or was already used', { attemptsLeft: 0 });
    }
    const userId = userIdForSubject(ticket.tenantId, ticket.subject);
    const matches =
      ticket.channel === 'totp'
        ? (await this.totp.verify(ticket.tenantId, userId, code)) === 'ok'
        : safeEqual(this.box.mac('otp', ticket.id, code), ticket.codeHash);
    if (!matches) {
      const attemptsLeft = Math.max(0, ticket.maxAttempts - used);
      if (attemptsLeft === 0) await this.store.consumeTicket(ticketId);
      await this.audit.record({
        kind: 'otp',
        action: 'otp.verify',
        object: `user:${userId}`,
        decision: 'deny',
        reason: 'otp_wrong_code',
        tenantId: ticket.tenantId,
        principal: userId,
      });
      throw new UnauthenticatedError(
        'otp_invalid',
        attemptsLeft > 0 ? 'the code is wrong' : 'the code is wrong; no attempts left, request a new code',
        { attemptsLeft },
      );
    }
    if (!(await this.store.consumeTicket(ticketId)))
      throw new UnauthenticatedError('otp_invalid', 'the code was already used', { attemptsLeft: 0 });
    await this.audit.record({
      kind: 'otp',
      action: 'otp.verify',
      object: `user:${userId}`,
      decision: 'allow',
      reason: 'otp_ok',
      tenantId: ticket.tenantId,
      principal: userId,
    });
    if (from.ip) await this.store.mark(this.knownKey(ticket.tenantId, ticket.subject, from.ip), KNOWN_ADDRESS_TTL_MS);
    return { tenantId: ticket.tenantId, subject: ticket.subject, channel: ticket.channel, userId };
  }

  private async takeBudgets(req: OtpRequest, subject: string): Promise<void> {
    const policy = this.options.otp;
    const subjectKey = this.box.mac('subject', req.tenantId, subject).slice(0, 32);
    const pairKey = this.box.mac('subject-ip', req.tenantId, subject, req.ip).slice(0, 32);
    const known = (await this.store.markedFor(this.knownKey(req.tenantId, subject, req.ip))) > 0;
    const hourly = (key: string, max: number, message: string) => ({ key, max, windowMs: HOUR_MS, message, code: 'otp_rate_limited' });
    const budgets = [
      ...(policy.cooldownSec > 0 && req.channel !== 'totp'
        ? [
            {
              key: `cooldown:${req.tenantId}:${known ? pairKey : subjectKey}`,
              max: 1,
              windowMs: policy.cooldownSec * 1000,
              message: 'a code was requested moments ago; wait before asking again',
              code: 'otp_cooldown',
            },
          ]
        : []),
      hourly(`ip:${req.ip}`, policy.hourlyCapPerIp, 'too many codes requested from this address'),
      hourly(
        `subject-ip:${req.tenantId}:${pairKey}`,
        policy.hourlyCapPerSubjectIp,
        'too many codes requested for this subject from this address',
      ),
      ...(known
        ? []
        : [
            hourly(`subject:${req.tenantId}:${subjectKey}`, policy.hourlyCapPerSubject, 'too many codes requested for this subject'),
            hourly(`tenant:${req.tenantId}`, policy.hourlyCapPerTenant, 'too many codes requested in this tenant'),
          ]),
    ];
    const taken = await this.store.take(budgets);
    if (taken.ok) return;
    const spent = budgets.find((b) => b.key === taken.key)!;
    throw new ThrottledError(spent.code, spent.message, taken.resetMs / 1000);
  }

  private knownKey(tenantId: string, subject: string, ip: string): string {
    return `known:${this.box.mac('known', tenantId, subject, ip).slice(0, 40)}`;
  }
}
