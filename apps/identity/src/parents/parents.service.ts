import { Injectable } from '@nestjs/common';
import { AuditService, SessionService } from '@mikasmissions/authx';
import type { ResponseBody } from '@mikasmissions/contracts-api';
import { RequestContext } from '@mikasmissions/context';
import { uuidv7 } from 'uuidv7';
import { LoginThrottle } from './login-throttle';
import type { ParentAccount } from './parent';
import { InvalidCredentialsError, ParentNotFoundError } from './parents.errors';
import { ParentsRepository } from './parents.repository';
import { PasswordHasher } from './password-hasher';
import { SignupPolicy, type SignupInput } from './signup-policy';

/** Where a sign-in comes from. */
export interface SignInOrigin {
  ip: string;
  userAgent?: string;
}

/** What `GET /internal/parents/{id}` answers. */
export interface ParentStatusView {
  parent_user_id: string;
  status: ParentAccount['status'];
  consent_verified_at: string | null;
}

/** What `GET /internal/parents/{id}/contact` answers: where notification may reach the parent (identity holds no phone yet). */
export interface ParentContactView {
  parent_user_id: string;
  email: string;
  marketing: boolean;
  language: string;
}

/**
 * Parent accounts: signup (ordered checks, argon2id, case-insensitive unique email) and
 * password sign-in (AuthX session with role `parent`; throttled; an unknown email runs a dummy
 * hash so timing does not tell whether it exists).
 */
@Injectable()
export class ParentsService {
  constructor(
    private readonly parents: ParentsRepository,
    private readonly policy: SignupPolicy,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly ctx: RequestContext,
  ) {}

  /** Creates a `pending_consent` parent; 400 per the policy, 409 `email_taken`. */
  async signup(input: SignupInput): Promise<ResponseBody<'parentSignup', 201>> {
    const valid = this.policy.check(input);
    const parent = await this.parents.create({
      id: uuidv7(),
      tenantId: this.ctx.tenantId,
      email: valid.email,
      emailKey: valid.emailKey,
      passwordHash: await this.hasher.hash(valid.password),
      country: valid.country,
      language: valid.language,
      marketing: valid.marketing,
    });
    return { parent_user_id: parent.id, status: parent.status };
  }

  /** Signs a parent in with email and password; 401 `invalid_credentials`, 429 `rate_limited`. */
  async login(email: string, password: string, from: SignInOrigin): Promise<ResponseBody<'parentLogin', 200>> {
    const tenantId = this.ctx.tenantId;
    const emailKey = email.trim().toLowerCase();
    await this.throttle.take('parent', tenantId, emailKey, from.ip);
    const parent = await this.parents.findByEmail(tenantId, emailKey);
    const ok = await this.hasher.verifyOrBurn(parent?.passwordHash ?? null, password);
    if (!parent || !ok) {
      await this.audit.record({
        kind: 'login',
        action: 'parent.login',
        object: null,
        decision: 'deny',
        reason: 'invalid_credentials',
        principal: null,
      });
      throw new InvalidCredentialsError();
    }
    await this.throttle.remember('parent', tenantId, emailKey, from.ip);
    return this.openSession(parent, from, 'password_ok');
  }

  /** Opens the parent's AuthX session (role `parent`, no assigned roles) and answers the login body. */
  async openSession(parent: ParentAccount, from: SignInOrigin, reason: string): Promise<ResponseBody<'parentLogin', 200>> {
    const pair = await this.sessions.open(
      { tenantId: parent.tenantId, userId: parent.id, roles: ['parent'], userAgent: from.userAgent },
      { keepAssigned: () => false },
    );
    await this.audit.record({
      kind: 'login',
      action: 'parent.login',
      object: `parent:${parent.id}`,
      decision: 'allow',
      reason,
      principal: parent.id,
    });
    return {
      access_token: pair.accessToken,
      token_type: 'Bearer',
      expires_in: pair.expiresIn,
      parent_user_id: parent.id,
      role: 'parent',
      refresh_token: pair.refreshToken,
    };
  }

  /** A parent's status for other services; 404 `parent_not_found`. */
  async status(parentUserId: string): Promise<ParentStatusView> {
    const parent = await this.parents.findById(this.ctx.tenantId, parentUserId);
    if (!parent) throw new ParentNotFoundError();
    return { parent_user_id: parent.id, status: parent.status, consent_verified_at: parent.consentVerifiedAt };
  }

  /** A parent's e-mail, marketing consent and language for the notification service; 404 `parent_not_found`. */
  async contact(parentUserId: string): Promise<ParentContactView> {
    const parent = await this.parents.findById(this.ctx.tenantId, parentUserId);
    if (!parent) throw new ParentNotFoundError();
    return { parent_user_id: parent.id, email: parent.email, marketing: parent.marketing, language: parent.language };
  }
}
