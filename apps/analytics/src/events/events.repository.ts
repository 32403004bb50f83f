import type { AnalyticsEvent, EventQuery, NewAnalyticsEvent } from './analytics-event';

/** Port: where analytics events live. Adapters: memory, Prisma (Postgres). */
export abstract class EventsRepository {
  /** Stores the event and returns it with its id and timestamps. */
  abstract record(event: NewAnalyticsEvent): Promise<AnalyticsEvent>;
  /** Newest first, within one tenant. */
  abstract list(query: EventQuery): Promise<AnalyticsEvent[]>;
}
