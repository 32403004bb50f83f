import { ChildProfiles, type ChildProfileView } from './child-profiles';

/** In-process {@link ChildProfiles} for tests and dev:local: `set` what profile would answer. */
export class MemoryChildProfiles extends ChildProfiles {
  private readonly byChild = new Map<string, ChildProfileView>();

  /** Stores a child (a copy). */
  set(child: ChildProfileView): void {
    this.byChild.set(child.childProfileId, { ...child });
  }

  async find(childProfileId: string): Promise<ChildProfileView | null> {
    const found = this.byChild.get(childProfileId);
    return found ? { ...found } : null;
  }
}
