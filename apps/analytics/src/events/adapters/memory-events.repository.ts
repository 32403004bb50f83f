import { randomUUID } from 'node:crypto';
import type { AnalyticsEvent, EventQuery, NewAnalyticsEvent } from '../analytics-event';
import { EventsRepository } from '../events.repository';

/** In-process store for dev:local and unit tests; same contract as the Prisma adapter. */
export class MemoryEventsRepository extends EventsRepository {
  private readonly events: AnalyticsEvent[] = [];

  async record(event: NewAnalyticsEvent): Promise<AnalyticsEvent> {
    const now = new Date();
    const stored: AnalyticsEvent = {
      id: randomUUID(),
      tenantId: event.tenantId,
      type: event.type,
      payload: event.payload ? structuredClone(event.payload) : null,
      occurredAt: (event.occurredAt ?? now).toISOString(),
      createdAt: now.toISOString(),
    };
    this.events.push(stored);
    return structuredClone(stored);
  }

  async list(query: EventQuery): Promise<AnalyticsEvent[]> {
    return this.events
      .filter((e) => e.tenantId === query.tenantId && (!query.type || e.type === query.type))
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.createdAt.localeCompare(a.createdAt))
      .slice(0, query.limit)
      .map((e) => structuredClone(e));
  }
}
