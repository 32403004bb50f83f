/** How many `analytics.event.recorded` events of one type a tenant has had. */
export interface RecordedEventCount {
  eventType: string;
  count: number;
}

/**
 * Port: the counters the `analytics.event.recorded` consumer keeps. Adapters: memory and
 * Prisma (table `recorded_event_counters`, written in the inbox's transaction).
 */
export abstract class RecordedEventCounters {
  /** Adds one to the counter of `eventType` in `tenantId`. */
  abstract increment(tenantId: string, eventType: string): Promise<void>;
  /** The tenant's counters, by event type. */
  abstract list(tenantId: string): Promise<RecordedEventCount[]>;
}
