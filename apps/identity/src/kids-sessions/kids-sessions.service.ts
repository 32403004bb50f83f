import { Injectable } from '@nestjs/common';
import { AuditService, SessionService } from '@mikasmissions/authx';
import type { Schema } from '@mikasmissions/contracts-api';
import { FamilyActor } from '../family-scope/family-actor';
import { parseTokenRequest } from '../gates/gate-requests';
import { InvalidGateTokenError } from '../gates/gates.errors';
import { GatesService } from '../gates/gates.service';
import { KidsSessionStore } from './kids-session.store';

/**
 * Kids sessions: a parent who passed a gate for a child opens a `child` AuthX session for that
 * child's device — claims `mm_role=child`, `child_profile_id`, `parent_user_id`, lasting
 * `KIDS_SESSION_TTL_SEC` with rotating refresh — and can revoke all of a child's sessions.
 */
@Injectable()
export class KidsSessionsService {
  constructor(
    private readonly actor: FamilyActor,
    private readonly gates: GatesService,
    private readonly sessions: SessionService,
    private readonly store: KidsSessionStore,
    private readonly audit: AuditService,
    private readonly ttlSec: number,
  ) {}

  /** Spends the gate token and opens the child's session (403 `invalid_gate_token` when it cannot be spent). */
  async open(childProfileId: string, body: unknown): Promise<Schema<'KidsSessionResponse'>> {
    const { caller, scope } = await this.actor.forChild(childProfileId, ['parent']);
    const { gateToken } = parseTokenRequest(body, ['gate_token']);
    const parentUserId = caller.parentUserId as string;
    if (!(await this.gates.consume(scope, childProfileId, gateToken))) {
      await this.audit.record({
        kind: 'kids_session',
        action: 'kids_session.open',
        object: `child_profile:${childProfileId}`,
        decision: 'deny',
        reason: 'invalid_gate_token',
      });
      throw new InvalidGateTokenError();
    }
    const now = new Date();
    const pair = await this.sessions.open(
      { tenantId: caller.tenantId, userId: `child:${childProfileId}`, roles: ['child'] },
      {
        keepAssigned: () => false,
        ttlSec: this.ttlSec,
        claims: { mm_role: 'child', child_profile_id: childProfileId, parent_user_id: parentUserId },
      },
    );
    await this.store.add(scope, {
      sessionId: pair.sessionId,
      tenantId: caller.tenantId,
      parentUserId,
      childProfileId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.ttlSec * 1000),
    });
    await this.audit.record({
      kind: 'kids_session',
      action: 'kids_session.open',
      object: `child_profile:${childProfileId}`,
      decision: 'allow',
      reason: 'gate_passed',
    });
    return {
      access_token: pair.accessToken,
      token_type: 'Bearer',
      expires_in: pair.expiresIn,
      refresh_token: pair.refreshToken,
      child_profile_id: childProfileId,
      role: 'child',
    };
  }

  /** Revokes every live kids session of the child; its tokens stop working at once. */
  async revoke(childProfileId: string): Promise<Schema<'KidsSessionRevokeResponse'>> {
    const { scope } = await this.actor.forChild(childProfileId, ['parent', 'service']);
    const now = new Date();
    const live = await this.store.live(scope, childProfileId, now);
    for (const session of live) await this.sessions.revoke(session.sessionId, 'kids_session_revoked');
    const revoked = await this.store.markRevoked(
      scope,
      live.map((s) => s.sessionId),
      now,
    );
    await this.audit.record({
      kind: 'kids_session',
      action: `kids_session.revoke:${revoked}`,
      object: `child_profile:${childProfileId}`,
      decision: 'allow',
      reason: 'revoked_by_parent',
    });
    return { child_profile_id: childProfileId, revoked };
  }
}
