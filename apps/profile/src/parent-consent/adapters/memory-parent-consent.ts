import { ParentConsent, type ParentConsentStatus } from '../parent-consent';

/** In-process consent states for tests: unknown until {@link set}. */
export class MemoryParentConsent extends ParentConsent {
  private readonly statuses = new Map<string, ParentConsentStatus>();

  /** Records a parent's status (what identity would answer). */
  set(parentUserId: string, status: ParentConsentStatus): this {
    this.statuses.set(parentUserId, status);
    return this;
  }

  async statusOf(parentUserId: string): Promise<ParentConsentStatus | null> {
    return this.statuses.get(parentUserId) ?? null;
  }
}
