import { Injectable } from '@nestjs/common';
import { IdentityScope } from '@mikasmissions/service-identity';
import { MissingSubjectError } from './subscription.errors';

/**
 * Whose subscriptions a request is about: a parent principal acts as itself (naming another
 * parent → 403 `parent_mismatch`); a service (or an unauthenticated caller in permissive mode)
 * must name `parent_user_id` (else 400 `missing_subject`).
 *
 * @example
 * const parentUserId = await this.acting.resolve(dto.parent_user_id);
 */
@Injectable()
export class ActingParent {
  constructor(private readonly scope: IdentityScope) {}

  /** The acting parent's id; see the class for the refusals. */
  async resolve(named: string | undefined): Promise<string> {
    const { parentUserId } = await this.scope.check({ parentUserId: named });
    if (!parentUserId) throw new MissingSubjectError();
    return parentUserId;
  }
}
