import { ChildDirectory, type DirectoryChild } from '../child-directory';

/** In-process children for tests (and a service without profile); same contract as the profile adapter. */
export class MemoryChildDirectory extends ChildDirectory {
  private readonly children = new Map<string, { parentUserId: string; child: DirectoryChild }>();

  /** Adds (or renames) a child of `parentUserId`. */
  put(parentUserId: string, child: DirectoryChild): void {
    this.children.set(child.childProfileId, { parentUserId, child: { ...child } });
  }

  async childrenOf(parentUserId: string): Promise<DirectoryChild[]> {
    return [...this.children.values()].filter((c) => c.parentUserId === parentUserId).map((c) => ({ ...c.child }));
  }
}
