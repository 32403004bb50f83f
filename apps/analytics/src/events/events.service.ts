import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import type { AnalyticsEvent } from './analytics-event';
import type { CreateEventDto } from './dto/create-event.dto';
import type { ListEventsQuery } from './dto/list-events.query';
import { EventsRepository } from './events.repository';

/** Records and lists analytics events of the caller's tenant. */
@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly ctx: RequestContext,
  ) {}

  record(dto: CreateEventDto): Promise<AnalyticsEvent> {
    return this.events.record({
      tenantId: this.ctx.tenantId,
      type: dto.type,
      payload: dto.payload,
      occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : undefined,
    });
  }

  async list(query: ListEventsQuery): Promise<{ data: AnalyticsEvent[]; count: number }> {
    const data = await this.events.list({ tenantId: this.ctx.tenantId, type: query.type, limit: query.limit });
    return { data, count: data.length };
  }
}
