import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { AuditService } from '../audit/audit.service';
import type { TrustLevel } from '../rules/moderation-rules';
import { PolicyEvaluator } from '../rules/policy-evaluator';
import { CreatorTrustRepository } from './creator-trust.repository';
import { type CreatorTrustView, configView, storedView } from './creator-trust.view';

/**
 * Creator trust levels: an admin's level (stored per tenant) wins over the configured one (the
 * rules file's `trust.creators`, `MODERATION_TRUSTED_CREATORS`, else `trust.default`). Every
 * change is audited as `moderation.trust_changed` in the same unit of work as the write.
 */
@Injectable()
export class CreatorTrustService {
  constructor(
    private readonly trust: CreatorTrustRepository,
    private readonly policy: PolicyEvaluator,
    private readonly audit: AuditService,
    private readonly ctx: RequestContext,
  ) {}

  /** The level the policy stage uses for the creator's next asset in `tenantId`. */
  async levelOf(tenantId: string, creatorId: string): Promise<TrustLevel> {
    return (await this.trust.find(tenantId, creatorId))?.level ?? this.policy.trustOf(creatorId);
  }

  /** The creator's trust in the caller's tenant, with where it comes from. */
  async get(creatorId: string): Promise<CreatorTrustView> {
    const stored = await this.trust.find(this.ctx.tenantId, creatorId);
    return stored ? storedView(stored) : configView(creatorId, this.policy.trustOf(creatorId));
  }

  /** Sets the creator's level in the caller's tenant; the audit entry holds the trust before (stored or configured) and after. */
  async set(creatorId: string, level: TrustLevel): Promise<CreatorTrustView> {
    const principal = this.ctx.principal;
    const actor = principal?.userId ?? 'anonymous';
    return this.audit.atomically(async () => {
      const { before, after } = await this.trust.set({ tenantId: this.ctx.tenantId, creatorId, level, updatedBy: actor });
      const view = storedView(after);
      await this.audit.record({
        actor,
        actor_role: principal?.role ?? 'anonymous',
        action: 'moderation.trust_changed',
        target_type: 'creator',
        target_id: creatorId,
        before: { ...(before ? storedView(before) : configView(creatorId, this.policy.trustOf(creatorId))) },
        after: { ...view },
      });
      return view;
    });
  }
}
