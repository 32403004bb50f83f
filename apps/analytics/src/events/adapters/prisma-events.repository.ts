import { randomUUID } from 'node:crypto';
import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
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

/** The analytics service's transaction host (nestjs-cls, Prisma adapter). */
export type AnalyticsTransactionHost = TransactionHost<TransactionalAdapterPrisma<AnalyticsPrisma>>;

/**
 * Postgres store through the analytics Prisma client (schema `analytics`, table `events`).
 * With a transaction host, writes join the current transaction (e.g. an `@Publish`
 * handler's, so the event row and its outbox row commit together).
 */
export class PrismaEventsRepository extends EventsRepository {
  constructor(
    private readonly prisma: AnalyticsPrisma,
    private readonly txHost?: AnalyticsTransactionHost,
  ) {
    super();
  }

  private get db() {
    return this.txHost ? this.txHost.tx : this.prisma;
  }

  async record(event: NewAnalyticsEvent): Promise<AnalyticsEvent> {
    const row = await this.db.analyticsEvent.create({
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
    const rows = await this.db.analyticsEvent.findMany({
      where: { tenantId: query.tenantId, ...(query.type ? { type: query.type } : {}) },
      orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }],
      take: query.limit,
    });
    return rows.map(toEvent);
  }
}
