import { defineEvent } from '../event-definition';
import subscriptionChangedV1 from '../schemas/subscription.changed.v1.json';

/** Payload of {@link SubscriptionChanged}. */
export interface SubscriptionChangedPayload {
  parentId: string;
  plan: string;
  status: 'active' | 'past_due' | 'canceled';
}

/** `subscription.changed` v1: a parent's plan or subscription status changed. */
export const SubscriptionChanged = defineEvent<SubscriptionChangedPayload>({ type: 'subscription.changed', version: 1, schema: subscriptionChangedV1 });
