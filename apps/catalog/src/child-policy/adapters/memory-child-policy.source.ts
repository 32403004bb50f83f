import type { ChildPolicy } from '../child-policy';
import { ChildPolicySource } from '../child-policy.source';

/** In-process policies for tests: unknown until {@link MemoryChildPolicySource.set}. */
export class MemoryChildPolicySource extends ChildPolicySource {
  private readonly policies = new Map<string, ChildPolicy>();

  /** Sets (or replaces) the policy of a child. */
  set(childProfileId: string, policy: ChildPolicy): this {
    this.policies.set(childProfileId, {
      ...policy,
      approvedShowIds: [...policy.approvedShowIds],
      blockedShowIds: [...policy.blockedShowIds],
    });
    return this;
  }

  async policyOf(childProfileId: string): Promise<ChildPolicy | null> {
    return this.policies.get(childProfileId) ?? null;
  }
}
