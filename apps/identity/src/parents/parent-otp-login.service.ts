import { Injectable } from '@nestjs/common';
import { OtpService, ThrottledError, UnauthenticatedError } from '@mikasmissions/authx';
import type { ResponseBody } from '@mikasmissions/contracts-api';
import { RequestContext } from '@mikasmissions/context';
import { InvalidCredentialsError } from './parents.errors';
import { ParentsRepository } from './parents.repository';
import { ParentsService, type SignInOrigin } from './parents.service';

/**
 * Parent sign-in with an emailed one-time code, on AuthX OTP: `request` sends the code
 * (AuthX's cooldown and hourly caps; the same answer whether or not a parent has the email),
 * `verify` checks and spends the ticket, then opens the parent's own session. A wrong, used or
 * expired code, a non-email ticket or an email without a parent is 401 `invalid_credentials`.
 */
@Injectable()
export class ParentOtpLogin {
  constructor(
    private readonly otp: OtpService,
    private readonly parents: ParentsRepository,
    private readonly sessions: ParentsService,
    private readonly ctx: RequestContext,
  ) {}

  /** Sends a code to `email`; 429 `rate_limited` past AuthX's budgets. */
  async request(email: string, from: SignInOrigin): Promise<ResponseBody<'parentOtpRequest', 200>> {
    try {
      const { ticketId, expiresIn } = await this.otp.request({
        subject: email,
        channel: 'email',
        tenantId: this.ctx.tenantId,
        ip: from.ip,
      });
      return { ticket_id: ticketId, expires_in: expiresIn };
    } catch (error) {
      if (error instanceof ThrottledError)
        throw new ThrottledError('rate_limited', error.message, (error.details as { retryAfterSec: number }).retryAfterSec);
      throw error;
    }
  }

  /** Checks the code and signs the parent in. */
  async verify(ticketId: string, code: string, from: SignInOrigin): Promise<ResponseBody<'parentLogin', 200>> {
    let checked;
    try {
      checked = await this.otp.check(ticketId, code, { ip: from.ip, userAgent: from.userAgent });
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw new InvalidCredentialsError();
      throw error;
    }
    const parent =
      checked.channel === 'email' && checked.tenantId === this.ctx.tenantId
        ? await this.parents.findByEmail(checked.tenantId, checked.subject)
        : null;
    if (!parent) throw new InvalidCredentialsError();
    return this.sessions.openSession(parent, from, 'otp_ok');
  }
}
