import { ChildControls, type ChildControlsView } from './child-controls';

/** Controls held in the process, for tests and dev:local: none until {@link set}. */
export class MemoryChildControls extends ChildControls {
  private readonly controls = new Map<string, ChildControlsView>();

  /** Sets (replaces) the child's controls. */
  set(childProfileId: string, controls: ChildControlsView): this {
    this.controls.set(childProfileId, { ...controls });
    return this;
  }

  async find(childProfileId: string): Promise<ChildControlsView | null> {
    const found = this.controls.get(childProfileId);
    return found ? { ...found } : null;
  }
}
