import { Injectable } from '@nestjs/common';
import type { ChildOwnership } from '../../ports/child-ownership';

/**
 * {@link ChildOwnership} in process memory: owns nothing until {@link grant} says so, so an
 * unconfigured service refuses every parent-to-child action rather than allowing it.
 *
 * @example
 * app.get<MemoryChildOwnership>(CHILD_OWNERSHIP).grant('parent-1', 'child-1');
 */
@Injectable()
export class MemoryChildOwnership implements ChildOwnership {
  private readonly children = new Map<string, Set<string>>();

  /** Records that `childProfileId` belongs to `parentUserId`. */
  grant(parentUserId: string, childProfileId: string): void {
    const owned = this.children.get(parentUserId) ?? new Set<string>();
    owned.add(childProfileId);
    this.children.set(parentUserId, owned);
  }

  async owns(parentUserId: string, childProfileId: string): Promise<boolean> {
    return this.children.get(parentUserId)?.has(childProfileId) ?? false;
  }
}
