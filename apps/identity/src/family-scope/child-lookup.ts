/** The age bands of the contract, youngest first. */
export const AGE_BANDS = ['3-5', '6-11', '12-16'] as const;

/** One of {@link AGE_BANDS}. */
export type AgeBand = (typeof AGE_BANDS)[number];

/** What identity needs to know about a child profile (owned by the profile service). */
export interface ChildRecord {
  childProfileId: string;
  parentUserId: string;
  ageBand: AgeBand;
}

/**
 * Port: child profiles as the profile service knows them (`GET /internal/profiles/{id}`), for
 * the parent of a child without stored controls and the ceiling of `max_age_band`. Adapters:
 * memory (tests, dev:local); the HTTP adapter over libs/service-client is wired when it lands.
 */
export abstract class ChildLookup {
  /** The child, or `null` when the profile service does not know it. */
  abstract lookup(childProfileId: string): Promise<ChildRecord | null>;
}

/** {@link ChildLookup} in memory: knows the children {@link register}ed. */
export class MemoryChildLookup extends ChildLookup {
  private readonly children = new Map<string, ChildRecord>();

  /** Records a child (tests and dev:local seed it). */
  register(child: ChildRecord): void {
    this.children.set(child.childProfileId, { ...child });
  }

  async lookup(childProfileId: string): Promise<ChildRecord | null> {
    const child = this.children.get(childProfileId);
    return child ? { ...child } : null;
  }
}
