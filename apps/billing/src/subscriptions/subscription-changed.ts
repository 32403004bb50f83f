import type { SubscriptionChangedPayload } from '@mikasmissions/contracts-events';
import type { SubscriptionView } from './subscription-view';

/**
 * The `subscription.changed` payload of a subscription as answered: `canceled` once the parent
 * cancelled (it still entitles until `activeUntil`), else `active`.
 */
export function subscriptionChangedOf(view: SubscriptionView): Required<SubscriptionChangedPayload> & { status: 'active' | 'canceled' } {
  return {
    parentId: view.parent_user_id,
    plan: view.plan,
    status: view.cancel_at_period_end ? 'canceled' : 'active',
    subscriptionId: view.subscription_id,
    activeUntil: view.current_period_end,
    cancelAtPeriodEnd: view.cancel_at_period_end,
  };
}
