import { Controller, Get } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RequestContext } from '@mikasmissions/context';
import type { EventEnvelope } from '@mikasmissions/messaging';
import { RecordedEventCounters, type RecordedEventCount } from './recorded-event-counters';

/** Payload of `analytics.event.recorded` (schema in libs/contracts-events). */
export interface AnalyticsEventRecorded {
  eventId: string;
  eventType: string;
  occurredAt: string;
}

/**
 * Consumes `analytics.event.recorded` (published by `POST /events` through the outbox) and
 * counts them per tenant and event type; `GET /recorded-events` shows the counts.
 */
@Controller('recorded-events')
export class RecordedEventsController {
  constructor(
    private readonly counters: RecordedEventCounters,
    private readonly ctx: RequestContext,
  ) {}

  @EventPattern('analytics.event.recorded')
  async onRecorded(@Payload() event: EventEnvelope<AnalyticsEventRecorded>): Promise<void> {
    await this.counters.increment(event.tenantId, event.payload.eventType);
  }

  @Get()
  async list(): Promise<{ data: RecordedEventCount[]; total: number }> {
    const data = await this.counters.list(this.ctx.tenantId);
    return { data, total: data.reduce((sum, c) => sum + c.count, 0) };
  }
}
