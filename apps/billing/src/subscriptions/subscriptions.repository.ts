import type { NewSubscription, Subscription } from './subscription';

/** Port: where subscriptions live. Adapters: memory, Postgres (plain SQL, joins the request's transaction). */
export abstract class SubscriptionsRepository {
  /**
   * Stores the subscription and returns it; `null` (and nothing stored) when it is a consent
   * grant and the parent already has one: one trial per parent, however often consent arrives.
   */
  abstract insert(subscription: NewSubscription): Promise<Subscription | null>;
  /** The subscription with this id in the tenant, or `null` (also for an id that is not a UUID). */
  abstract find(tenantId: string, id: string): Promise<Subscription | null>;
  /** The parent's subscriptions in the tenant, newest first. */
  abstract listByParent(tenantId: string, parentUserId: string): Promise<Subscription[]>;
  /** Sets `cancelAtPeriodEnd` (keeping the first `canceledAt`) and returns the row, or `null` when there is none. */
  abstract cancelAtPeriodEnd(tenantId: string, id: string, at: Date): Promise<Subscription | null>;
  /**
   * Runs `work` while no other writer of this parent does: Postgres takes a transaction-level
   * advisory lock (held until the caller's transaction ends, so a second writer sees the
   * first's committed rows); memory queues the work per parent.
   */
  abstract withParentLock<T>(tenantId: string, parentUserId: string, work: () => Promise<T>): Promise<T>;
}
