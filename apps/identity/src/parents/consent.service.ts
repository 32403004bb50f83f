import { Inject, Injectable } from '@nestjs/common';
import { AUTHX_OPTIONS, OtpSender, OtpStore, ThrottledError, type ResolvedAuthxOptions } from '@mikasmissions/authx';
import type { ResponseBody } from '@mikasmissions/contracts-api';
import { ConsentVerified } from '@mikasmissions/contracts-events';
import { RequestContext } from '@mikasmissions/context';
import { EventPublisher } from '@mikasmissions/messaging';
import { IdentityScope } from '@mikasmissions/service-identity';
import { uuidv7 } from 'uuidv7';
import { ConsentCodeKey, ConsentCodes } from './consent-codes';
import { ConsentRepository } from './consent.repository';
import type { ConsentMethod, ConsentRequestRecord } from './parent';
import {
  ConsentMethodUnavailableError,
  ConsentRequestExpiredError,
  ConsentRequestNotFoundError,
  InvalidConsentChallengeError,
  ParentNotFoundError,
} from './parents.errors';
import { ParentsRepository } from './parents.repository';
import { PAYMENT_VERIFIER, type PaymentVerifier } from './payment-verifier';

/** Wrong codes a consent request tolerates. */
export const CONSENT_MAX_ATTEMPTS = 5;
/** Consent codes one parent may be sent per hour. */
export const CONSENT_REQUESTS_PER_HOUR = 5;

/** What the verify call names. */
export interface ConsentAnswer {
  parentUserId: string;
  method: ConsentMethod;
  challenge: string;
  consentRequestId?: string;
}

/**
 * Verifiable parental consent in two calls. `email_plus`: the request emails a 6-digit code
 * through AuthX's OTP senders (the console sender in dev; the code is never logged or
 * answered), the verify call checks it (5 tries, the OTP lifetime). Success marks the request
 * used, makes the parent `active` and publishes `consent.verified`, in one transaction.
 */
@Injectable()
export class ConsentService {
  private readonly codes: ConsentCodes;

  constructor(
    private readonly parents: ParentsRepository,
    private readonly consents: ConsentRepository,
    private readonly sender: OtpSender,
    private readonly limits: OtpStore,
    private readonly events: EventPublisher,
    private readonly scope: IdentityScope,
    private readonly ctx: RequestContext,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
    @Inject(PAYMENT_VERIFIER) private readonly payments: PaymentVerifier | null,
    codeKey: ConsentCodeKey,
  ) {
    this.codes = new ConsentCodes(codeKey.value);
  }

  /** Sends a consent code; 403 `parent_mismatch`, 404 `parent_not_found`, 422, 429. */
  async request(parentUserId: string, method: ConsentMethod): Promise<ResponseBody<'parentConsentRequest', 202>> {
    await this.scope.check({ parentUserId });
    const tenantId = this.ctx.tenantId;
    const parent = await this.parents.findById(tenantId, parentUserId);
    if (!parent) throw new ParentNotFoundError();
    this.assertAvailable(method);
    const taken = await this.limits.take([
      { key: `consent:${tenantId}:${parent.id}`, max: CONSENT_REQUESTS_PER_HOUR, windowMs: 3_600_000 },
    ]);
    if (!taken.ok) throw new ThrottledError('rate_limited', 'too many consent codes requested; wait and try again', taken.resetMs / 1000);
    const id = uuidv7();
    const ttlSec = this.options.otp.ttlSec;
    const { code, hash } = this.codes.issue(id);
    const request = await this.consents.createRequest({
      id,
      tenantId,
      parentUserId: parent.id,
      method,
      codeHash: method === 'email_plus' ? hash : '',
      maxAttempts: CONSENT_MAX_ATTEMPTS,
      expiresAt: new Date(Date.now() + ttlSec * 1000).toISOString(),
    });
    if (method === 'email_plus') await this.sender.send({ channel: 'email', to: parent.email, code, expiresInSec: ttlSec, tenantId });
    return { consent_request_id: request.id, method, expires_at: request.expiresAt };
  }

  /** Checks the answer; 403 `invalid_consent_challenge` / `consent_request_expired`, 404, 422. */
  async verify(answer: ConsentAnswer): Promise<ResponseBody<'parentConsentVerify', 200>> {
    const tenantId = this.ctx.tenantId;
    const parent = await this.parents.findById(tenantId, answer.parentUserId);
    if (!parent) throw new ParentNotFoundError();
    this.assertAvailable(answer.method);
    const request = answer.consentRequestId
      ? await this.consents.findRequest(tenantId, parent.id, answer.consentRequestId)
      : await this.consents.latestOpen(tenantId, parent.id);
    if (!request || request.method !== answer.method) throw new ConsentRequestNotFoundError();
    if (request.consumedAt !== null) throw new InvalidConsentChallengeError(0);
    if (Date.parse(request.expiresAt) <= Date.now()) throw new ConsentRequestExpiredError();
    const used = await this.consents.recordAttempt(tenantId, request.id);
    if (used === null) throw new InvalidConsentChallengeError(0);
    if (!(await this.answers(request, answer.challenge))) throw new InvalidConsentChallengeError(Math.max(0, request.maxAttempts - used));
    return this.events.transaction(async () => {
      const verifiedAt = new Date();
      const consent = await this.consents.consume(request, { id: uuidv7(), verifiedAt });
      if (!consent) throw new InvalidConsentChallengeError(0);
      await this.parents.activate(tenantId, parent.id, verifiedAt);
      await this.events.publish(
        ConsentVerified,
        { parentUserId: parent.id, consentId: consent.id, method: consent.method, verifiedAt: consent.verifiedAt },
        { aggregateId: parent.id },
      );
      return { consent_id: consent.id, verified: true as const };
    });
  }

  private assertAvailable(method: ConsentMethod): void {
    if (method === 'card' && !this.payments) throw new ConsentMethodUnavailableError(method);
  }

  private answers(request: ConsentRequestRecord, challenge: string): Promise<boolean> | boolean {
    if (request.method === 'card') return this.payments ? this.payments.confirm(request.parentUserId, challenge) : false;
    return this.codes.matches(request.id, challenge, request.codeHash);
  }
}
