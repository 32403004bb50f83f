import { Controller, Get, Param, UseGuards, UseInterceptors } from '@nestjs/common';
import { Cache } from '@mikasmissions/cache';
import type { Episode as EpisodeBody } from '@mikasmissions/contracts-api';
import { Serialize } from '@mikasmissions/serialize';
import { Roles } from '@mikasmissions/service-identity';
import { EpisodeReadGuard } from '../child-policy/episode-read.guard';
import { episodeSchema } from './dto/episode.schema';
import { EpisodeEtagInterceptor } from './episode-etag.interceptor';
import { EpisodePresenter } from './episode.presenter';
import { EPISODE_CACHE, episodeTag, EpisodesService } from './episodes.service';

/**
 * `GET /v1/catalog/episodes/{id}` (contract `getEpisode`): a published episode for parents,
 * children and services. The guard checks the id and a child's policy before the shared SWR
 * cache answers; `ETag`/`If-None-Match` → 304.
 */
@Controller('catalog/episodes')
export class EpisodesController {
  constructor(
    private readonly episodes: EpisodesService,
    private readonly presenter: EpisodePresenter,
  ) {}

  @Get(':id')
  @Roles('parent', 'child', 'service')
  @UseGuards(EpisodeReadGuard)
  @UseInterceptors(EpisodeEtagInterceptor)
  @Cache({ ...EPISODE_CACHE, scope: 'global', tags: (req) => [episodeTag(req.params.id)] })
  @Serialize(episodeSchema)
  async get(@Param('id') id: string): Promise<EpisodeBody> {
    return this.presenter.public(await this.episodes.getPublished(id));
  }
}
