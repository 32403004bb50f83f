import type { Entitlement } from './family-models';
import { Entitlements } from './family.ports';

/**
 * {@link Entitlements} with a short in-process memory of CONFIRMED entitlements (active only,
 * `ttlMs`, 0 = off): a family that was just seen entitled is not re-asked on every start, but
 * an inactive or missing plan and every billing failure are never cached (fail closed).
 * `subscription.changed` drops the parent's entries ({@link invalidateParent}).
 */
export class CachedEntitlements extends Entitlements {
  private readonly entries = new Map<string, { value: Entitlement; until: number }>();

  constructor(
    private readonly inner: Entitlements,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async forChild(childProfileId: string): Promise<Entitlement | null> {
    const hit = this.entries.get(childProfileId);
    if (hit && hit.until > this.now()) return { ...hit.value };
    this.entries.delete(childProfileId);
    const value = await this.inner.forChild(childProfileId);
    if (value?.active && this.ttlMs > 0) this.entries.set(childProfileId, { value: { ...value }, until: this.now() + this.ttlMs });
    return value;
  }

  /** Forgets every cached entitlement of `parentUserId`; returns how many. */
  invalidateParent(parentUserId: string): number {
    let dropped = 0;
    for (const [child, entry] of this.entries) {
      if (entry.value.parentUserId !== parentUserId) continue;
      this.entries.delete(child);
      dropped += 1;
    }
    return dropped;
  }
}
