import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import type { WatchEvent } from './watch-event';
import { WatchEventNotFoundError } from './watch-event-not-found.error';
import type { CreateWatchEventDto } from './dto/create-watch-event.dto';
import type { ListWatchEventsQuery } from './dto/list-watch-events.query';
import { WatchEventsRepository } from './watch-events.repository';

/** Creates, finds and lists the watch-events of the caller's tenant. */
@Injectable()
export class WatchEventsService {
  constructor(
    private readonly watchEvents: WatchEventsRepository,
    private readonly ctx: RequestContext,
  ) {}

  create(dto: CreateWatchEventDto): Promise<WatchEvent> {
    return this.watchEvents.create({ tenantId: this.ctx.tenantId, name: dto.name });
  }

  async get(id: string): Promise<WatchEvent> {
    const found = await this.watchEvents.find(this.ctx.tenantId, id);
    if (!found) throw new WatchEventNotFoundError(id);
    return found;
  }

  async list(query: ListWatchEventsQuery): Promise<{ data: WatchEvent[]; count: number }> {
    const data = await this.watchEvents.list({ tenantId: this.ctx.tenantId, limit: query.limit });
    return { data, count: data.length };
  }
}
