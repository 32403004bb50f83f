import type { AgeBand } from '../policy/age-band';
import type { CatalogEpisode } from '../upstreams/catalog-source';

/** A published, playback-ready catalog episode with every field; override what a test is about. */
export function episode(episodeId: string, fields: Partial<CatalogEpisode> & { ageBand?: AgeBand } = {}): CatalogEpisode {
  return {
    episodeId,
    showId: 'show-a',
    title: `Episode ${episodeId}`,
    summary: `What happens in ${episodeId}.`,
    ageBand: '6-11',
    durationMs: 600_000,
    learningTags: ['space'],
    playbackReady: true,
    published: true,
    thumbnailUrl: `https://media.example.test/${episodeId}/thumb.jpg`,
    publishedAt: '2026-11-01T10:00:00.000Z',
    ...fields,
  };
}

/** `count` episodes of one show, published a day apart in order (`<show>-1` first). */
export function show(
  showId: string,
  count: number,
  fields: Partial<CatalogEpisode> & { ageBand?: AgeBand } = {},
  startDay = 1,
): CatalogEpisode[] {
  return Array.from({ length: count }, (_, i) =>
    episode(`${showId}-${i + 1}`, { showId, publishedAt: new Date(Date.UTC(2026, 9, startDay + i, 10)).toISOString(), ...fields }),
  );
}
