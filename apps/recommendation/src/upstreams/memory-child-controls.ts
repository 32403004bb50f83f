import { ChildControls, type RecommendationControls } from './child-controls';

/** In-process {@link ChildControls} for tests and dev:local: `set` what identity would answer. */
export class MemoryChildControls extends ChildControls {
  private readonly byChild = new Map<string, RecommendationControls>();

  /** Stores the child's controls (a copy). */
  set(childProfileId: string, controls: RecommendationControls): void {
    this.byChild.set(childProfileId, structuredClone(controls));
  }

  async find(childProfileId: string): Promise<RecommendationControls | null> {
    const found = this.byChild.get(childProfileId);
    return found ? structuredClone(found) : null;
  }
}
