import type { Subscription as SubscriptionView } from '@mikasmissions/contracts-api';
import { statusAt, type Subscription } from './subscription';

/** A subscription as the API answers it (the contract's `Subscription`). */
export type { SubscriptionView };

/** A stored subscription as the contract's `Subscription`, its status taken at `now`. */
export function toSubscriptionView(subscription: Subscription, now: Date): SubscriptionView {
  return {
    subscription_id: subscription.id,
    parent_user_id: subscription.parentUserId,
    plan: subscription.plan as SubscriptionView['plan'],
    status: statusAt(subscription, now),
    cancel_at_period_end: subscription.cancelAtPeriodEnd,
    current_period_start: subscription.currentPeriodStart,
    current_period_end: subscription.currentPeriodEnd,
    canceled_at: subscription.canceledAt,
    created_at: subscription.createdAt,
  };
}
