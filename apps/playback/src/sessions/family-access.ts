import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import type { ChildControls, ChildProfile } from '../family/family-models';
import { ChildRules } from '../family/family.ports';
import { ChildProfileForbiddenError, ChildProfileNotFoundError } from '../playback.errors';
import { defaultControls } from './playback-rules';

/**
 * Who may play for a child, and under which controls: profile says who owns the child (404
 * `child_profile_not_found`), a parent acts only for its own children and a child only for
 * itself (403 `child_profile_forbidden`); `service` and `admin` act for anyone, and an anonymous
 * call (permissive mode only) is not scoped. Controls come from identity, else the safe defaults.
 */
@Injectable()
export class FamilyAccess {
  constructor(
    private readonly rules: ChildRules,
    private readonly ctx: RequestContext,
  ) {}

  /** The child's profile, once the caller is allowed to act for it. */
  async ownedChild(childProfileId: string): Promise<ChildProfile> {
    const child = await this.rules.profile(childProfileId);
    if (!child) throw new ChildProfileNotFoundError();
    this.assertActsFor(child);
    return child;
  }

  /** Refuses a caller that may not act for `child` (403 `child_profile_forbidden`). */
  assertActsFor(child: { childProfileId: string; parentUserId: string }): void {
    const principal = this.ctx.principal;
    const role = principal?.role;
    if (role === 'parent' && principal?.parentUserId !== child.parentUserId) throw new ChildProfileForbiddenError();
    if (role === 'child' && principal?.childProfileId !== child.childProfileId) throw new ChildProfileForbiddenError();
    if (role !== undefined && !['parent', 'child', 'service', 'admin'].includes(role)) throw new ChildProfileForbiddenError();
  }

  /** The parent's controls of the child, or the safe defaults for its band. */
  async controlsOf(child: ChildProfile): Promise<ChildControls> {
    return (await this.rules.controls(child.childProfileId)) ?? defaultControls(child.ageBand);
  }
}
