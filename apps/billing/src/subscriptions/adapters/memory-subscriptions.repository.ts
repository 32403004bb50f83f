import type { NewSubscription, Subscription } from '../subscription';
import { SubscriptionsRepository } from '../subscriptions.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemorySubscriptionsRepository extends SubscriptionsRepository {
  private readonly rows = new Map<string, Subscription>();
  private readonly locks = new Map<string, Promise<void>>();

  async insert(subscription: NewSubscription): Promise<Subscription | null> {
    if (subscription.source === 'consent') {
      const granted = [...this.rows.values()].some(
        (row) => row.source === 'consent' && row.tenantId === subscription.tenantId && row.parentUserId === subscription.parentUserId,
      );
      if (granted) return null;
    }
    const stored: Subscription = {
      ...subscription,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      createdAt: subscription.createdAt.toISOString(),
    };
    this.rows.set(stored.id, stored);
    return { ...stored };
  }

  async find(tenantId: string, id: string): Promise<Subscription | null> {
    const found = this.rows.get(id.toLowerCase());
    return found && found.tenantId === tenantId ? { ...found } : null;
  }

  async listByParent(tenantId: string, parentUserId: string): Promise<Subscription[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === tenantId && row.parentUserId === parentUserId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map((row) => ({ ...row }));
  }

  async cancelAtPeriodEnd(tenantId: string, id: string, at: Date): Promise<Subscription | null> {
    const found = this.rows.get(id.toLowerCase());
    if (!found || found.tenantId !== tenantId) return null;
    found.cancelAtPeriodEnd = true;
    found.canceledAt ??= at.toISOString();
    return { ...found };
  }

  async withParentLock<T>(tenantId: string, parentUserId: string, work: () => Promise<T>): Promise<T> {
    const key = `${tenantId}\u0000${parentUserId}`;
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(key, tail);
    void tail.then(() => this.locks.get(key) === tail && this.locks.delete(key));
    return run;
  }
}
