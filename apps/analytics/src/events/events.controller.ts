import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { AnalyticsEventRecorded } from '@mikasmissions/contracts-events';
import { Publish } from '@mikasmissions/messaging';
import { RequirePermissions } from '@mikasmissions/authx';
import { Cache } from '@mikasmissions/cache';
import { Idempotency } from '@mikasmissions/idempotency';
import { Serialize } from '@mikasmissions/serialize';
import type { AnalyticsEvent } from './analytics-event';
import { CreateEventDto } from './dto/create-event.dto';
import { eventsResponseSchema } from './dto/events-response.schema';
import { ListEventsQuery } from './dto/list-events.query';
import { EventsService } from './events.service';

/** `GET/POST /events`: the analytics events of the caller's tenant. */
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Cache({ ttlMs: 5_000, swrMs: 25_000, tags: ['events'] })
  @Serialize(eventsResponseSchema)
  @Get()
  list(@Query() query: ListEventsQuery): Promise<{ data: AnalyticsEvent[]; count: number }> {
    return this.events.list(query);
  }

  @RequirePermissions('events:write')
  @Idempotency({ required: true })
  @Post()
  @HttpCode(201)
  @Publish(AnalyticsEventRecorded, { map: (e: AnalyticsEvent) => ({ eventId: e.id, eventType: e.type, occurredAt: e.occurredAt }) })
  create(@Body() dto: CreateEventDto): Promise<AnalyticsEvent> {
    return this.events.record(dto);
  }
}
