import type { Subscription, SubscriptionQuery, NewSubscription } from './subscription';

/** Port: where subscriptions live. Adapters: memory, Postgres (plain SQL). */
export abstract class SubscriptionsRepository {
  /** Stores the subscription and returns it with its id and creation time. */
  abstract create(subscription: NewSubscription): Promise<Subscription>;
  /** The subscription with this id in the tenant, or `null` (also for an id that is not a UUID). */
  abstract find(tenantId: string, id: string): Promise<Subscription | null>;
  /** Newest first, within one tenant. */
  abstract list(query: SubscriptionQuery): Promise<Subscription[]>;
}
