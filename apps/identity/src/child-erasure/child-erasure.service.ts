import { Injectable } from '@nestjs/common';
import { SessionService } from '@mikasmissions/authx';
import { ControlsRepository } from '../controls/controls.repository';
import { WatchLedger } from '../dashboard/watch-ledger';
import type { FamilyScope } from '../family-scope/family-scope';
import { GateStore } from '../gates/gate.store';
import { KidsSessionStore } from '../kids-sessions/kids-session.store';

/** How many rows of each kind an erasure removed. */
export interface ErasureReport {
  controls: number;
  gates: number;
  kidsSessions: number;
  dashboardDays: number;
}

/**
 * Erases what identity holds about one child (COPPA / GDPR): its controls, gate challenges and
 * tokens, its kids sessions (revoked first, so its tokens stop at once) and its dashboard
 * ledger days (as the service: a day whose parent was unknown has no owner). Idempotent.
 */
@Injectable()
export class ChildErasureService {
  constructor(
    private readonly controls: ControlsRepository,
    private readonly gates: GateStore,
    private readonly kids: KidsSessionStore,
    private readonly sessions: SessionService,
    private readonly ledger: WatchLedger,
  ) {}

  /** Erases the child's data within its parent's scope. */
  async erase(scope: FamilyScope, childProfileId: string): Promise<ErasureReport> {
    for (const session of await this.kids.live(scope, childProfileId, new Date()))
      await this.sessions.revoke(session.sessionId, 'child_profile_deleted');
    return {
      kidsSessions: await this.kids.eraseChild(scope, childProfileId),
      gates: await this.gates.eraseChild(scope, childProfileId),
      controls: await this.controls.erase(scope, childProfileId),
      dashboardDays: await this.ledger.eraseChild(scope.tenantId, childProfileId),
    };
  }
}
