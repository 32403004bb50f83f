import type { EventEnvelope } from '../event-envelope';

/**
 * Port: event ids a consumer group has already processed. Adapters: Postgres (table
 * `inbox`, in the handler's transaction), Redis (keys with expiry), memory.
 */
export abstract class InboxStore {
  abstract readonly kind: 'postgres' | 'redis' | 'memory';
  /**
   * Runs `handler` unless `consumer` already processed `envelope.id`, and records it as
   * processed. Resolves `true` when the handler ran, `false` for a duplicate.
   */
  abstract runOnce(consumer: string, envelope: EventEnvelope, handler: () => Promise<void>): Promise<boolean>;
  /** Whether `consumer` processed `eventId`. */
  abstract has(consumer: string, eventId: string): Promise<boolean>;

  /**
   * {@link runOnce} for several events, in order; per job `null` (ran or duplicate) or the
   * error it failed with. The Postgres inbox runs them in one transaction (a savepoint each).
   */
  async runBatch(consumer: string, jobs: InboxJob[]): Promise<unknown[]> {
    const results: unknown[] = [];
    for (const job of jobs) {
      try {
        await this.runOnce(consumer, job.envelope, job.run);
        results.push(null);
      } catch (error) {
        results.push(error ?? new Error('handler failed'));
      }
    }
    return results;
  }
}

/** One event for {@link InboxStore.runBatch}. */
export interface InboxJob {
  envelope: EventEnvelope;
  run: () => Promise<void>;
}
