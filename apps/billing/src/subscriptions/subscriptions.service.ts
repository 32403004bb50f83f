import { Injectable, Logger } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { RequestContext } from '@mikasmissions/context';
import { SubscriptionChanged } from '@mikasmissions/contracts-events';
import { EventPublisher } from '@mikasmissions/messaging';
import { uuidv7 } from 'uuidv7';
import { Clock } from '../clock/clock';
import { PaymentProvider } from '../payments/payment-provider';
import { PlanCatalog } from '../plans/plan-catalog';
import { ActingParent } from './acting-parent';
import type { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { statusAt, type Subscription } from './subscription';
import {
  PlanNotPurchasableError,
  SubscriptionActiveError,
  SubscriptionEndedError,
  SubscriptionNotFoundError,
  UnknownPlanError,
} from './subscription.errors';
import { subscriptionChangedOf } from './subscription-changed';
import { toSubscriptionView, type SubscriptionView } from './subscription-view';
import { SubscriptionsRepository } from './subscriptions.repository';

/** A verified consent, as the trial grant needs it. */
export interface ConsentGrant {
  tenantId: string;
  parentUserId: string;
  consentId: string;
  verifiedAt: Date;
}

/** Buys, cancels and lists a parent's subscriptions; grants the trial at consent. */
@Injectable()
export class SubscriptionsService {
  private readonly log = new Logger('SubscriptionsService');

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly ctx: RequestContext,
    private readonly acting: ActingParent,
    private readonly plans: PlanCatalog,
    private readonly payments: PaymentProvider,
    private readonly clock: Clock,
    private readonly events: EventPublisher,
  ) {}

  /** Charges the plan, then stores the subscription (same transaction as the route's `subscription.changed`). */
  @Transactional()
  async subscribe(dto: CreateSubscriptionDto): Promise<SubscriptionView> {
    const parentUserId = await this.acting.resolve(dto.parent_user_id);
    const plan = this.plans.find(dto.plan);
    if (!plan) throw new UnknownPlanError(dto.plan);
    if (plan.grant !== 'purchase') throw new PlanNotPurchasableError(plan.id);
    const tenantId = this.ctx.tenantId;
    return this.subscriptions.withParentLock(tenantId, parentUserId, async () => {
      const now = this.clock.now();
      const current = (await this.subscriptions.listByParent(tenantId, parentUserId)).find(
        (s) => s.source === 'purchase' && statusAt(s, now) === 'active',
      );
      if (current) throw new SubscriptionActiveError(current.id);
      const id = uuidv7();
      const charge = await this.payments.charge({
        reference: id,
        parentUserId,
        plan: plan.id,
        amountCents: plan.priceCents,
        currency: plan.currency,
      });
      const stored = await this.subscriptions.insert({
        id,
        tenantId,
        parentUserId,
        plan: plan.id,
        source: 'purchase',
        consentId: null,
        chargeReference: charge.chargeId,
        currentPeriodStart: now.toISOString(),
        currentPeriodEnd: this.plans.periodEnd(plan, now).toISOString(),
        createdAt: now,
      });
      return toSubscriptionView(stored as Subscription, now);
    });
  }

  /** Cancels at the end of the current period; again → the same state. */
  @Transactional()
  async cancel(id: string): Promise<SubscriptionView> {
    const tenantId = this.ctx.tenantId;
    const found = await this.subscriptions.find(tenantId, id);
    const principal = this.ctx.principal;
    if (!found || (principal?.role === 'parent' && principal.parentUserId !== found.parentUserId)) throw new SubscriptionNotFoundError(id);
    const now = this.clock.now();
    if (!found.cancelAtPeriodEnd && statusAt(found, now) !== 'active') throw new SubscriptionEndedError();
    const canceled = (await this.subscriptions.cancelAtPeriodEnd(tenantId, found.id, now)) as Subscription;
    return toSubscriptionView(canceled, now);
  }

  /** The acting parent's subscriptions, newest first. */
  async list(parentUserIdNamed: string | undefined): Promise<{ subscriptions: SubscriptionView[] }> {
    const parentUserId = await this.acting.resolve(parentUserIdNamed);
    const now = this.clock.now();
    const rows = await this.subscriptions.listByParent(this.ctx.tenantId, parentUserId);
    return { subscriptions: rows.map((row) => toSubscriptionView(row, now)) };
  }

  /**
   * Grants the consent plan (the trial), its period starting at the verification, and publishes
   * `subscription.changed` in the same transaction. A parent gets one trial ever: a repeated or
   * re-sent consent grants nothing more. Returns whether it granted one.
   */
  @Transactional()
  async grantTrial(grant: ConsentGrant): Promise<boolean> {
    const plan = this.plans.consentPlan();
    const start = grant.verifiedAt;
    const now = this.clock.now();
    const stored = await this.subscriptions.insert({
      id: uuidv7(),
      tenantId: grant.tenantId,
      parentUserId: grant.parentUserId,
      plan: plan.id,
      source: 'consent',
      consentId: grant.consentId,
      chargeReference: null,
      currentPeriodStart: start.toISOString(),
      currentPeriodEnd: this.plans.periodEnd(plan, start).toISOString(),
      createdAt: now,
    });
    if (!stored) {
      this.log.log(`consent ${grant.consentId}: parent already had a trial, none granted`);
      return false;
    }
    await this.events.publish(SubscriptionChanged, subscriptionChangedOf(toSubscriptionView(stored, now)), {
      aggregateId: stored.parentUserId,
      tenantId: grant.tenantId,
    });
    return true;
  }
}
