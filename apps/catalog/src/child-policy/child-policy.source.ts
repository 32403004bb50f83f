import type { ChildPolicy } from './child-policy';

/**
 * Port: the policy of one child, read fresh on every child request (a parent's change applies
 * at once). Adapters: {@link ServiceChildPolicySource} (profile + identity over ServiceClient),
 * {@link MemoryChildPolicySource} (tests).
 */
export abstract class ChildPolicySource {
  /** The child's policy, or `null` when the profile service does not know the child. A dependency outage throws (503). */
  abstract policyOf(childProfileId: string): Promise<ChildPolicy | null>;
}
