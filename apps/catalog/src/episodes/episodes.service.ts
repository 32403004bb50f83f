import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import type { Episode } from './episode';
import { EpisodeNotFoundError } from './episode-not-found.error';
import type { CreateEpisodeDto } from './dto/create-episode.dto';
import type { ListEpisodesQuery } from './dto/list-episodes.query';
import { EpisodesRepository } from './episodes.repository';

/** Creates, finds and lists the episodes of the caller's tenant. */
@Injectable()
export class EpisodesService {
  constructor(
    private readonly episodes: EpisodesRepository,
    private readonly ctx: RequestContext,
  ) {}

  create(dto: CreateEpisodeDto): Promise<Episode> {
    return this.episodes.create({ tenantId: this.ctx.tenantId, name: dto.name });
  }

  async get(id: string): Promise<Episode> {
    const found = await this.episodes.find(this.ctx.tenantId, id);
    if (!found) throw new EpisodeNotFoundError(id);
    return found;
  }

  async list(query: ListEpisodesQuery): Promise<{ data: Episode[]; count: number }> {
    const data = await this.episodes.list({ tenantId: this.ctx.tenantId, limit: query.limit });
    return { data, count: data.length };
  }
}
