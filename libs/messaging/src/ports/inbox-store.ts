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
}
