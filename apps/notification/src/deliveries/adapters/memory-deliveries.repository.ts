import { uuidv7 } from 'uuidv7';
import type { Channel } from '../../senders/notification-sender';
import { DeliveriesRepository } from '../deliveries.repository';
import type { Delivery, NewDelivery } from '../delivery';

/** In-process delivery table for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryDeliveriesRepository extends DeliveriesRepository {
  private readonly rows = new Map<string, Delivery>();
  private readonly keys = new Set<string>();

  async record(delivery: NewDelivery): Promise<boolean> {
    const key = `${delivery.tenantId}\u0000${delivery.dedupeKey}`;
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    const now = new Date().toISOString();
    const row: Delivery = {
      ...delivery,
      id: uuidv7(),
      status: 'pending',
      channel: null,
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
      createdAt: now,
      sentAt: null,
    };
    this.rows.set(row.id, row);
    return true;
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<Delivery[]> {
    const due = [...this.rows.values()]
      .filter((row) => (row.status === 'pending' || row.status === 'sending') && Date.parse(row.nextAttemptAt) <= now.getTime())
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id))
      .slice(0, limit);
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    for (const row of due) Object.assign(row, { status: 'sending', nextAttemptAt: leaseUntil });
    return due.map((row) => ({ ...row }));
  }

  async markSent(id: string, attempts: number, channel: Channel, at: Date): Promise<void> {
    this.update(id, { status: 'sent', attempts, channel, sentAt: at.toISOString(), lastError: null });
  }

  async markRetry(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    this.update(id, { status: 'pending', attempts, nextAttemptAt: nextAttemptAt.toISOString(), lastError: error.slice(0, 500) });
  }

  async markFailed(id: string, attempts: number, error: string): Promise<void> {
    this.update(id, { status: 'failed', attempts, lastError: error.slice(0, 500) });
  }

  async listByParent(tenantId: string, parentUserId: string): Promise<Delivery[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === tenantId && row.parentUserId === parentUserId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((row) => ({ ...row }));
  }

  private update(id: string, change: Partial<Delivery>): void {
    const row = this.rows.get(id);
    if (row) Object.assign(row, change);
  }
}
