import type { AnalyticsTransactionHost } from '../../events/adapters/prisma-events.repository';
import { RecordedEventCounters, type RecordedEventCount } from '../recorded-event-counters';

/** Counters in `analytics.recorded_event_counters`; increments join the consumer's inbox transaction. */
export class PrismaRecordedEventCounters extends RecordedEventCounters {
  constructor(private readonly txHost: AnalyticsTransactionHost) {
    super();
  }

  async increment(tenantId: string, eventType: string): Promise<void> {
    await this.txHost.tx.recordedEventCounter.upsert({
      where: { tenantId_eventType: { tenantId, eventType } },
      create: { tenantId, eventType, count: 1 },
      update: { count: { increment: 1 }, updatedAt: new Date() },
    });
  }

  async list(tenantId: string): Promise<RecordedEventCount[]> {
    const rows = await this.txHost.tx.recordedEventCounter.findMany({ where: { tenantId }, orderBy: { eventType: 'asc' } });
    return rows.map((r) => ({ eventType: r.eventType, count: Number(r.count) }));
  }
}
