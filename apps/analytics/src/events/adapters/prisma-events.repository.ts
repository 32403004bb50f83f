import { randomUUID } from 'node:crypto';
import type { AnalyticsPrisma } from '../../infra/analytics-prisma.service';
import type { AnalyticsEvent, EventQuery, NewAnalyticsEvent } from '../analytics-event';
import { EventsRepository } from '../events.repository';

type Row = { id: string; tenantId: string; type: string; payload: unknown; occurredAt: Date; createdAt: Date };

const toEvent = (row: Row): AnalyticsEvent => ({
  id: row.id,
  tenantId: row.tenantId,
  type: row.type,
  payload: (row.payload as Record<string, unknown> | null) ?? null,
  occurredAt: row.occurredAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

/** Postgres store through the analytics Prisma client (schema `analytics`, table `events`). */
export class PrismaEventsRepository extends EventsRepository {
  constructor(private readonly prisma: AnalyticsPrisma) {
    super();
  }

  async record(event: NewAnalyticsEvent): Promise<AnalyticsEvent> {
    const row = await this.prisma.analyticsEvent.create({
      data: {
        id: randomUUID(),
        tenantId: event.tenantId,
        type: event.type,
        payload: (event.payload ?? undefined) as never,
        occurredAt: event.occurredAt ?? new Date(),
      },
    });
    return toEvent(row);
  }

  async list(query: EventQuery): Promise<AnalyticsEvent[]> {
    const rows = await this.prisma.analyticsEvent.findMany({
      where: { tenantId: query.tenantId, ...(query.type ? { type: query.type } : {}) },
      orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }],
      take: query.limit,
    });
    return rows.map(toEvent);
  }
}
