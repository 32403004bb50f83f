import { Injectable } from '@nestjs/common';
import type { EntitlementResponse } from '@mikasmissions/contracts-api';
import { RequestContext } from '@mikasmissions/context';
import { ChildProfileForbiddenError, IdentityScope } from '@mikasmissions/service-identity';
import { Clock } from '../clock/clock';
import { ChildDirectory } from '../profiles/child-directory';
import { statusAt } from '../subscriptions/subscription';
import { MissingSubjectError } from '../subscriptions/subscription.errors';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import type { EntitlementQuery } from './dto/entitlement.query';
import { EntitlementNotFoundError } from './entitlement-not-found.error';

/**
 * What a parent (or a child's parent) is entitled to now: the subscription whose period has
 * not ended (the one ending last when several), else the newest; `active` is false from the
 * instant its period ends.
 */
@Injectable()
export class EntitlementsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly children: ChildDirectory,
    private readonly scope: IdentityScope,
    private readonly ctx: RequestContext,
    private readonly clock: Clock,
  ) {}

  /** The entitlement of the subject the query names; see the contract for the refusals. */
  async get(query: EntitlementQuery): Promise<EntitlementResponse> {
    if (!query.parent_user_id && !query.child_profile_id) throw new MissingSubjectError();
    await this.scope.check({ parentUserId: query.parent_user_id });
    const parentUserId = query.child_profile_id
      ? await this.parentOfChild(query.child_profile_id, query.parent_user_id)
      : (query.parent_user_id as string);
    const rows = await this.subscriptions.listByParent(this.ctx.tenantId, parentUserId);
    if (rows.length === 0) throw new EntitlementNotFoundError();
    const now = this.clock.now();
    const running = rows
      .filter((row) => statusAt(row, now) === 'active')
      .sort((a, b) => b.currentPeriodEnd.localeCompare(a.currentPeriodEnd));
    const current = running[0] ?? rows[0];
    return { parent_user_id: parentUserId, plan: current.plan as EntitlementResponse['plan'], active: running.length > 0 };
  }

  /** The child's parent; a parent principal (or a named parent) that is not it → 403 `child_profile_forbidden`. */
  private async parentOfChild(childProfileId: string, named: string | undefined): Promise<string> {
    const owner = await this.children.parentOf(childProfileId);
    const principal = this.ctx.principal;
    if (principal?.role === 'parent' && owner !== principal.parentUserId) throw new ChildProfileForbiddenError();
    if (!owner) throw new EntitlementNotFoundError();
    if (named && owner !== named) throw new ChildProfileForbiddenError();
    return owner;
  }
}
