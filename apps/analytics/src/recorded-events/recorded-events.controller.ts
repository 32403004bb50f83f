import { Controller, Get } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RequestContext } from '@mikasmissions/context';
import { AnalyticsEventRecorded, type AnalyticsEventRecordedPayload } from '@mikasmissions/contracts-events';
import { OnEvent, type EventEnvelope } from '@mikasmissions/messaging';
import { RecordedEventCounters, type RecordedEventCount } from './recorded-event-counters';

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

  @OnEvent(AnalyticsEventRecorded)
  async onRecorded(@Payload() event: EventEnvelope<AnalyticsEventRecordedPayload>): Promise<void> {
    await this.counters.increment(event.tenantId, event.payload.eventType);
  }

  @Get()
  async list(): Promise<{ data: RecordedEventCount[]; total: number }> {
    const data = await this.counters.list(this.ctx.tenantId);
    return { data, total: data.reduce((sum, c) => sum + c.count, 0) };
  }
}
