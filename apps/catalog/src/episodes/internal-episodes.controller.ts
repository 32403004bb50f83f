import { Body, Controller, Get, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { Cache } from '@mikasmissions/cache';
import { Serialize } from '@mikasmissions/serialize';
import { Roles } from '@mikasmissions/service-identity';
import { episodePageSchema, internalEpisodeSchema, upsertAnswerSchema } from './dto/episode.schema';
import { UpsertEpisodeDto } from './dto/upsert-episode.dto';
import type { EpisodeInput } from './episode';
import { EpisodeEtagInterceptor } from './episode-etag.interceptor';
import { assertEpisodeId } from './episode-id';
import { EpisodePresenter, type InternalEpisodeBody } from './episode.presenter';
import { episodeTag, EpisodesService, LISTINGS_TAG } from './episodes.service';

/** A reply either adapter hands a passthrough handler (Express `status`, Fastify `status` alias of `code`). */
interface StatusReply {
  status(code: number): unknown;
}

const toInput = (dto: UpsertEpisodeDto): EpisodeInput => ({
  episodeId: dto.episode_id,
  showId: dto.show_id,
  title: dto.title,
  summary: dto.summary,
  ageBand: dto.age_band,
  durationMs: dto.duration_ms,
  learningTags: dto.learning_tags,
  playbackReady: dto.playback_ready ?? dto.renditions.length > 0,
  thumbnail: dto.thumbnail_url ?? `episodes/${dto.episode_id}/thumb.jpg`,
  publishedAt: dto.published_at_iso === null ? null : new Date(dto.published_at_iso).toISOString(),
  renditions: dto.renditions.map((r) => ({ profile: r.profile, storageKey: r.storage_key })),
});

/**
 * Service-only catalog routes (recommendation, progress, playback, the media pipeline):
 * `GET /internal/catalog/episodes?age_band&max_age_band&limit&cursor` (published, newest first,
 * keyset pages), `GET /internal/catalog/episodes/{id}` (any state) and the idempotent upsert
 * `POST /internal/catalog/episodes` (201 created, 200 updated or unchanged).
 */
@Controller('internal/catalog/episodes')
@Roles('service')
export class InternalEpisodesController {
  constructor(
    private readonly episodes: EpisodesService,
    private readonly presenter: EpisodePresenter,
  ) {}

  @Get()
  @Cache({ ttlMs: 10_000, swrMs: 60_000, scope: 'global', tags: [LISTINGS_TAG] })
  @Serialize(episodePageSchema)
  async list(
    @Query('age_band') ageBand?: string,
    @Query('max_age_band') maxAgeBand?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<{ episodes: InternalEpisodeBody[]; next_cursor: string | null }> {
    const page = await this.episodes.list({ age_band: ageBand, max_age_band: maxAgeBand, limit, cursor });
    return { episodes: page.episodes.map((e) => this.presenter.internal(e)), next_cursor: page.nextCursor };
  }

  @Get(':id')
  @UseInterceptors(EpisodeEtagInterceptor)
  @Cache({ ttlMs: 10_000, swrMs: 60_000, scope: 'global', tags: (req) => [episodeTag(req.params.id)] })
  @Serialize(internalEpisodeSchema)
  async get(@Param('id') id: string): Promise<InternalEpisodeBody> {
    assertEpisodeId(id);
    return this.presenter.internal(await this.episodes.getAny(id));
  }

  @Post()
  @Serialize(upsertAnswerSchema)
  async upsert(
    @Body() dto: UpsertEpisodeDto,
    @Res({ passthrough: true }) res: StatusReply,
  ): Promise<{ episode: InternalEpisodeBody; created: boolean; changed: boolean }> {
    const result = await this.episodes.upsert(toInput(dto));
    res.status(result.created ? 201 : 200);
    return { episode: this.presenter.internal(result.episode), created: result.created, changed: result.changed };
  }
}
