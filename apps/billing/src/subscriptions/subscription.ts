/** One subscription, as stored and returned. */
export interface Subscription {
  id: string;
  tenantId: string;
  name: string;
  createdAt: string;
}

/** What a caller asks to store. */
export interface NewSubscription {
  tenantId: string;
  name: string;
}

/** Filter of a listing: one tenant, newest first, at most `limit`. */
export interface SubscriptionQuery {
  tenantId: string;
  limit: number;
}
