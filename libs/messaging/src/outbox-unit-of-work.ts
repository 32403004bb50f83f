import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventEnvelope } from './event-envelope';
import type { SqlTransactions } from '@mikasmissions/persistence';
import type { OutboxStore } from './ports/outbox-store';

/**
 * Ties outbox writes to the handler's success. With Postgres, the work runs in one
 * database transaction (nestjs-cls `TransactionHost`) and outbox rows are inserted in it;
 * with Redis or memory, events are buffered and written only after the work succeeded (a
 * unit that published nothing, e.g. a cache HIT, touches the store and wakes the relay not at all).
 */
export class OutboxUnitOfWork {
  private readonly buffer = new AsyncLocalStorage<EventEnvelope[]>();

  constructor(
    private readonly store: OutboxStore,
    private readonly sql: SqlTransactions | null,
  ) {}

  /** Runs `fn` as one unit: its events are stored if and only if it succeeds. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.store.transactional && this.sql) {
      const outer = this.sql.active();
      const result = await this.sql.run(fn);
      if (!outer) this.store.wake();
      return result;
    }
    if (this.buffer.getStore()) return fn();
    const pending: EventEnvelope[] = [];
    const result = await this.buffer.run(pending, fn);
    if (pending.length > 0) await this.store.append(pending);
    return result;
  }

  /** Stores events in the current unit (or right away when there is none). */
  async enqueue(envelopes: EventEnvelope[]): Promise<void> {
    const pending = this.store.transactional ? undefined : this.buffer.getStore();
    if (pending) pending.push(...envelopes);
    else {
      await this.store.append(envelopes);
      if (this.store.transactional && !this.sql?.active()) this.store.wake();
    }
  }
}
