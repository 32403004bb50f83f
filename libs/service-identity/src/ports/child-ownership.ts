/**
 * Which parent owns which child profile: the port parent scoping asks. The profile service
 * implements it; {@link MemoryChildOwnership} serves tests and local runs.
 */
export interface ChildOwnership {
  /** Whether `childProfileId` belongs to `parentUserId`. */
  owns(parentUserId: string, childProfileId: string): Promise<boolean>;
}

/** The injection token of the process's {@link ChildOwnership}. */
export const CHILD_OWNERSHIP = Symbol.for('mikasmissions.service-identity.childOwnership');
