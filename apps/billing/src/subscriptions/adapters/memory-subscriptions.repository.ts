import { uuidv7 } from 'uuidv7';
import type { Subscription, SubscriptionQuery, NewSubscription } from '../subscription';
import { SubscriptionsRepository } from '../subscriptions.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemorySubscriptionsRepository extends SubscriptionsRepository {
  private readonly rows = new Map<string, Subscription>();

  async create(subscription: NewSubscription): Promise<Subscription> {
    const stored: Subscription = {
      id: uuidv7(),
      tenantId: subscription.tenantId,
      name: subscription.name,
      createdAt: new Date().toISOString(),
    };
    this.rows.set(stored.id, stored);
    return { ...stored };
  }

  async find(tenantId: string, id: string): Promise<Subscription | null> {
    const found = this.rows.get(id.toLowerCase());
    return found && found.tenantId === tenantId ? { ...found } : null;
  }

  async list(query: SubscriptionQuery): Promise<Subscription[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === query.tenantId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .slice(0, query.limit)
      .map((row) => ({ ...row }));
  }
}
