import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { Episode } from './episode';
import { CreateEpisodeDto } from './dto/create-episode.dto';
import { ListEpisodesQuery } from './dto/list-episodes.query';
import { EpisodesService } from './episodes.service';

/** `GET/POST /episodes`, `GET /episodes/:id`: the episodes of the caller's tenant. */
@Controller('episodes')
export class EpisodesController {
  constructor(private readonly episodes: EpisodesService) {}

  @Get()
  list(@Query() query: ListEpisodesQuery): Promise<{ data: Episode[]; count: number }> {
    return this.episodes.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<Episode> {
    return this.episodes.get(id);
  }

  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateEpisodeDto): Promise<Episode> {
    return this.episodes.create(dto);
  }
}
