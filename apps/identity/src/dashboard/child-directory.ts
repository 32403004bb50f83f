/** A child as the parent's dashboard shows it (from the profile service). */
export interface DirectoryChild {
  childProfileId: string;
  displayName: string;
}

/**
 * Port: the parent's children, owned by the profile service. Adapters: over `ServiceClient`
 * (`GET /internal/profiles?parent_user_id=`), memory for
 * tests. Display names are read only for the owning parent's dashboard and never stored here.
 */
export abstract class ChildDirectory {
  /** The parent's children, oldest first. */
  abstract childrenOf(parentUserId: string): Promise<DirectoryChild[]>;
}
