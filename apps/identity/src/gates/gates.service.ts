import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { AuditService } from '@mikasmissions/authx';
import type { Schema } from '@mikasmissions/contracts-api';
import { randomUUID } from 'node:crypto';
import { FamilyActor } from '../family-scope/family-actor';
import type { FamilyScope } from '../family-scope/family-scope';
import { answerHash, mathQuestion, newGateToken, sameHash, sha256 } from './gate-secrets';
import { GATE_LOCKOUT, GATE_TTL_MS } from './gate-records';
import { parseChallengeRequest, parsePinRequest, parseTokenRequest, parseVerifyRequest } from './gate-requests';
import { GateStore } from './gate.store';
import { GateLockedError, InvalidCredentialsError, InvalidOrReplayedChallengeError, InvalidPinError, PinNotSetError } from './gates.errors';
import { ParentCredentials } from './parent-credentials';

const PIN = /^[0-9]{4,6}$/;
/** Expired challenges and gate tokens are kept this long (for support), then purged when the parent opens a new gate. */
const PURGE_AFTER_MS = 24 * 3600_000;

/**
 * Parent gates: PINs (argon2id, set after a password re-check), PIN or math challenges that live
 * 5 minutes and are answered once, a lockout after 5 wrong answers (15 minutes, audited), and
 * gate tokens (5 minutes, bound to the child, single use).
 */
@Injectable()
export class GatesService {
  constructor(
    private readonly actor: FamilyActor,
    private readonly store: GateStore,
    private readonly credentials: ParentCredentials,
    private readonly audit: AuditService,
  ) {}

  /** `PUT /v1/parents/pin`: the caller's own PIN, after checking its password. */
  async setPin(body: unknown): Promise<Schema<'ParentPinResponse'>> {
    const caller = this.actor.caller(['parent']);
    const parentUserId = caller.parentUserId as string;
    const scope: FamilyScope = { tenantId: caller.tenantId, parentUserId };
    const { password, pin } = parsePinRequest(body);
    if (!PIN.test(pin)) throw new InvalidPinError();
    await this.assertUnlocked(scope, parentUserId);
    if (!(await this.credentials.verifyPassword(caller.tenantId, parentUserId, password))) {
      await this.fail(scope, parentUserId, 'pin.password_recheck', 'invalid_credentials');
      throw new InvalidCredentialsError();
    }
    const at = new Date();
    await this.store.setPin(scope, parentUserId, await hash(pin), at);
    await this.store.clearFailures(scope, parentUserId);
    await this.audit.record({ kind: 'gate', action: 'pin.set', object: `parent:${parentUserId}`, decision: 'allow', reason: 'pin_set' });
    return { pin_set: true, updated_at: at.toISOString() };
  }

  /** `POST /v1/parents/gates/challenge`: a new PIN or math challenge for the parent and child. */
  async challenge(body: unknown): Promise<Schema<'GateChallengeResponse'>> {
    const request = parseChallengeRequest(body);
    const scope = await this.scopeFor(request.parentUserId, request.childProfileId);
    await this.assertUnlocked(scope, request.parentUserId);
    const id = randomUUID();
    const now = new Date();
    const math = request.method === 'math' ? mathQuestion() : undefined;
    if (request.method === 'pin' && !(await this.store.pinHash(scope, request.parentUserId))) throw new PinNotSetError();
    const expiresAt = new Date(now.getTime() + GATE_TTL_MS);
    await this.store.createChallenge(scope, {
      id,
      tenantId: scope.tenantId,
      ...request,
      answerHash: math ? answerHash(id, math.answer) : null,
      createdAt: now,
      expiresAt,
    });
    await this.store.purgeExpired(scope, request.parentUserId, new Date(now.getTime() - PURGE_AFTER_MS));
    return { challenge_id: id, method: request.method, expires_at: expiresAt.toISOString(), ...(math ? { question: math.question } : {}) };
  }

  /** `POST /v1/parents/gates/verify`: checks the answer; a right one gives a single-use gate token. */
  async verify(body: unknown): Promise<Schema<'GateVerifyResponse'>> {
    const request = parseVerifyRequest(body);
    const scope = await this.scopeFor(request.parentUserId, request.childProfileId);
    await this.assertUnlocked(scope, request.parentUserId);
    const now = new Date();
    const challenge = await this.store.takeChallenge(scope, {
      id: request.challengeId,
      parentUserId: request.parentUserId,
      childProfileId: request.childProfileId,
      now,
    });
    if (!challenge) throw new InvalidOrReplayedChallengeError();
    const right =
      challenge.method === 'math'
        ? sameHash(challenge.answerHash ?? '', answerHash(challenge.id, request.response))
        : await this.pinMatches(scope, request.parentUserId, request.response);
    if (!right) {
      await this.fail(scope, request.parentUserId, `gate.verify:${challenge.method}`, 'wrong_answer');
      throw new InvalidOrReplayedChallengeError();
    }
    await this.store.clearFailures(scope, request.parentUserId);
    const token = newGateToken();
    await this.store.issueToken(scope, {
      tokenHash: sha256(token),
      tenantId: scope.tenantId,
      parentUserId: request.parentUserId,
      childProfileId: request.childProfileId,
      expiresAt: new Date(now.getTime() + GATE_TTL_MS),
    });
    await this.audit.record({
      kind: 'gate',
      action: `gate.verify:${challenge.method}`,
      object: `child_profile:${request.childProfileId}`,
      decision: 'allow',
      reason: 'gate_passed',
    });
    return { verified: true, gate_token: token };
  }

  /** `POST /internal/gates/consume`: spends a gate token for its child (service scope); `false` when it cannot. */
  async consumeInternal(body: unknown): Promise<{ consumed: boolean }> {
    const scope = this.actor.serviceScope();
    const { childProfileId, gateToken } = parseTokenRequest(body, ['child_profile_id', 'gate_token']);
    return {
      consumed: await this.store.consumeToken(scope, {
        tokenHash: sha256(gateToken),
        childProfileId: childProfileId as string,
        now: new Date(),
      }),
    };
  }

  /** Spends a gate token within a parent's scope (kids sessions); `false` when it cannot. */
  consume(scope: FamilyScope, childProfileId: string, gateToken: string): Promise<boolean> {
    return this.store.consumeToken(scope, { tokenHash: sha256(gateToken), childProfileId, now: new Date() });
  }

  private async scopeFor(parentUserId: string, childProfileId: string): Promise<FamilyScope> {
    return (await this.actor.forChild(childProfileId, ['parent', 'service'], parentUserId)).scope;
  }

  private async pinMatches(scope: FamilyScope, parentUserId: string, response: string): Promise<boolean> {
    const pinHash = await this.store.pinHash(scope, parentUserId);
    return pinHash !== null && PIN.test(response) && (await verify(pinHash, response).catch(() => false));
  }

  private async assertUnlocked(scope: FamilyScope, parentUserId: string): Promise<void> {
    const until = await this.store.lockedUntil(scope, parentUserId, new Date());
    if (until) throw new GateLockedError(until);
  }

  private async fail(scope: FamilyScope, parentUserId: string, action: string, reason: string): Promise<void> {
    const outcome = await this.store.recordFailure(scope, parentUserId, new Date(), GATE_LOCKOUT);
    await this.audit.record({ kind: 'gate', action, object: `parent:${parentUserId}`, decision: 'deny', reason });
    if (outcome.lockedUntil)
      await this.audit.record({
        kind: 'gate',
        action: 'gate.locked',
        object: `parent:${parentUserId}`,
        decision: 'deny',
        reason: 'too_many_wrong_answers',
      });
  }
}
