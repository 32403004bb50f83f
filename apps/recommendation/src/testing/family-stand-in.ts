import { Controller, Get, type INestApplication, Module, NotFoundException, Param, Query } from '@nestjs/common';
import type { ParentalControlsSnapshot } from '@mikasmissions/contracts-events';
import { PlatformModule } from '@mikasmissions/platform';
import { baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import type { CatalogEpisode } from '../upstreams/catalog-source';
import { wireControls } from './family-fixtures';

/** What the stand-in answers: profiles by id, controls by child, and the catalog. */
export interface FamilyData {
  profiles: Record<string, { parent_user_id: string; age_band: string }>;
  controls: ParentalControlsSnapshot;
  episodes: CatalogEpisode[];
}

const DATA: FamilyData = { profiles: {}, controls: wireControls(), episodes: [] };

const wire = (e: CatalogEpisode) => ({
  episode_id: e.episodeId,
  show_id: e.showId,
  title: e.title,
  summary: e.summary,
  age_band: e.ageBand,
  duration_ms: e.durationMs,
  learning_tags: e.learningTags,
  playback_ready: e.playbackReady,
  thumbnail_url: e.thumbnailUrl,
  published_at_iso: e.publishedAt,
  renditions: [],
  published: e.published,
  updated_at_iso: e.publishedAt,
});

/** Profile's, identity's and catalog's internal routes as their owners agreed them (a stand-in for the three services). */
@Controller('internal')
class FamilyController {
  @Get('profiles/:id')
  profile(@Param('id') id: string) {
    if (!DATA.profiles[id]) throw new NotFoundException({ code: 'child_profile_not_found', message: 'no such child' });
    return { child_profile_id: id, ...DATA.profiles[id] };
  }

  @Get('controls/:id')
  controls(@Param('id') id: string) {
    return { child_profile_id: id, parent_user_id: DATA.profiles[id]?.parent_user_id ?? 'nobody', controls: DATA.controls };
  }

  @Get('catalog/episodes')
  episodes(@Query('age_band') band: string, @Query('limit') limit: string, @Query('cursor') cursor?: string) {
    const rows = DATA.episodes.filter((e) => e.ageBand === band).sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
    const start = cursor ? Number(cursor) : 0;
    const end = start + Number(limit);
    return { episodes: rows.slice(start, end).map(wire), next_cursor: end < rows.length ? String(end) : null };
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'catalog', http: { port: 0, prefix: 'v1' } })], controllers: [FamilyController] })
class FamilyModule {}

/** Boots the stand-in (one per test file: the data is module-wide) and returns it with its URL. */
export async function startFamilyStandIn(data: FamilyData): Promise<{ app: INestApplication; url: string; port: number }> {
  Object.assign(DATA, data);
  const app = await bootApp(FamilyModule, { adapter: 'express', env: testEnv('memory'), globalPrefix: 'v1' });
  const url = await baseUrl(app);
  return { app, url, port: Number(new URL(url).port) };
}
