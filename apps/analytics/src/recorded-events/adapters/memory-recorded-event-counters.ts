import { RecordedEventCounters, type RecordedEventCount } from '../recorded-event-counters';

/** In-process counters for dev:local. */
export class MemoryRecordedEventCounters extends RecordedEventCounters {
  private readonly counts = new Map<string, Map<string, number>>();

  async increment(tenantId: string, eventType: string): Promise<void> {
    const tenant = this.counts.get(tenantId) ?? new Map<string, number>();
    tenant.set(eventType, (tenant.get(eventType) ?? 0) + 1);
    this.counts.set(tenantId, tenant);
  }

  async list(tenantId: string): Promise<RecordedEventCount[]> {
    return [...(this.counts.get(tenantId) ?? new Map<string, number>()).entries()]
      .map(([eventType, count]) => ({ eventType, count }))
      .sort((a, b) => a.eventType.localeCompare(b.eventType));
  }
}
