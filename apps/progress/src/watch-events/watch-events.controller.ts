import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { WatchEvent } from './watch-event';
import { CreateWatchEventDto } from './dto/create-watch-event.dto';
import { ListWatchEventsQuery } from './dto/list-watch-events.query';
import { WatchEventsService } from './watch-events.service';

/** `GET/POST /watch-events`, `GET /watch-events/:id`: the watch-events of the caller's tenant. */
@Controller('watch-events')
export class WatchEventsController {
  constructor(private readonly watchEvents: WatchEventsService) {}

  @Get()
  list(@Query() query: ListWatchEventsQuery): Promise<{ data: WatchEvent[]; count: number }> {
    return this.watchEvents.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<WatchEvent> {
    return this.watchEvents.get(id);
  }

  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateWatchEventDto): Promise<WatchEvent> {
    return this.watchEvents.create(dto);
  }
}
