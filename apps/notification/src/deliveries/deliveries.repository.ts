import type { Channel } from '../senders/notification-sender';
import type { Delivery, NewDelivery } from './delivery';

/** Port: the delivery table. Adapters: memory, Postgres (plain SQL, `FOR UPDATE SKIP LOCKED` claims). */
export abstract class DeliveriesRepository {
  /** Records a new `pending` delivery; `false` (and nothing changes) when its `dedupeKey` is already recorded in the tenant. */
  abstract record(delivery: NewDelivery): Promise<boolean>;
  /**
   * Claims up to `limit` deliveries due at `now` (`pending`, or `sending` whose lease ran out —
   * a crashed sender), oldest due first: each becomes `sending` with `nextAttemptAt = now + leaseMs`.
   * Two claimers never get the same delivery.
   */
  abstract claimDue(now: Date, limit: number, leaseMs: number): Promise<Delivery[]>;
  /** The claimed delivery went out on `channel`. */
  abstract markSent(id: string, attempts: number, channel: Channel, at: Date): Promise<void>;
  /** The attempt failed; try again at `nextAttemptAt`. */
  abstract markRetry(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  /** Given up: `failed`, kept as a dead letter with its last error. */
  abstract markFailed(id: string, attempts: number, error: string): Promise<void>;
  /** The parent's deliveries, oldest first. */
  abstract listByParent(tenantId: string, parentUserId: string): Promise<Delivery[]>;
}
