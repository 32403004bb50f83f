/** How a subscription came to be: granted at consent (the trial) or bought. */
export type SubscriptionSource = 'consent' | 'purchase';

/** One subscription, as stored. Times are RFC 3339 UTC strings. */
export interface Subscription {
  id: string;
  tenantId: string;
  parentUserId: string;
  plan: string;
  source: SubscriptionSource;
  /** The consent that granted it (`source: consent`). */
  consentId: string | null;
  /** The provider's charge id (`source: purchase`); never card data. */
  chargeReference: string | null;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  cancelAtPeriodEnd: boolean;
  canceledAt: string | null;
  createdAt: string;
}

/** What a caller asks to store (the id is chosen before the charge, so the charge can reference it). */
export type NewSubscription = Omit<Subscription, 'cancelAtPeriodEnd' | 'canceledAt' | 'createdAt'> & { createdAt: Date };

/** The status of a subscription at `now`: `active` until its period ends, then `canceled` (if cancelled) or `expired`. */
export function statusAt(subscription: Subscription, now: Date): 'active' | 'canceled' | 'expired' {
  if (now.getTime() < Date.parse(subscription.currentPeriodEnd)) return 'active';
  return subscription.cancelAtPeriodEnd ? 'canceled' : 'expired';
}
