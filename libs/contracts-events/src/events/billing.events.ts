import { defineEvent } from '../event-definition';
import subscriptionChangedV1 from '../schemas/subscription.changed.v1.json';

/** Payload of {@link SubscriptionChanged}. */
export interface SubscriptionChangedPayload {
  parentId: string;
  plan: string;
  /** `canceled` when the parent cancelled; the plan still entitles until `activeUntil`. */
  status: 'active' | 'past_due' | 'canceled';
  /** The subscription that changed (billing's `subscription_id`). */
  subscriptionId?: string;
  /** RFC 3339, UTC: the instant the subscription stops entitling (its current period's end). */
  activeUntil?: string;
  /** True once the parent cancelled: it ends at `activeUntil` and is not renewed. */
  cancelAtPeriodEnd?: boolean;
}

/** `subscription.changed` v1: a parent's plan or subscription status changed. */
export const SubscriptionChanged = defineEvent<SubscriptionChangedPayload>({
  type: 'subscription.changed',
  version: 1,
  schema: subscriptionChangedV1,
});
