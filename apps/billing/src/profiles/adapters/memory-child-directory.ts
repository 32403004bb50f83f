import { ChildDirectory } from '../child-directory';

/** In-process directory for tests and dev: knows the children it was told about with {@link grant}. */
export class MemoryChildDirectory extends ChildDirectory {
  private readonly parents = new Map<string, string>();

  /** Records that `childProfileId` belongs to `parentUserId`. */
  grant(parentUserId: string, childProfileId: string): void {
    this.parents.set(childProfileId, parentUserId);
  }

  async parentOf(childProfileId: string): Promise<string | null> {
    return this.parents.get(childProfileId) ?? null;
  }
}
