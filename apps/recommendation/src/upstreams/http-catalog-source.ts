import { ServiceClient, ServiceUnavailableError } from '@mikasmissions/service-client';
import { CatalogSource, type CatalogEpisode, type CatalogPage, type CatalogPageRequest } from './catalog-source';
import { CatalogUnavailableError } from './upstream.errors';

type Wire = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const absoluteUrl = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol) ? value : null;
  } catch {
    return null;
  }
};

/** One wire episode, or `null` when a field the policy or the rail item needs is missing (the episode is then left out). */
function toEpisode(w: Wire): CatalogEpisode | null {
  const episodeId = str(w.episode_id);
  const showId = str(w.show_id);
  const ageBand = str(w.age_band);
  const tags = Array.isArray(w.learning_tags) ? w.learning_tags.filter((t): t is string => typeof t === 'string') : null;
  const thumbnailUrl = absoluteUrl(w.thumbnail_url);
  if (!episodeId || !showId || !ageBand || !thumbnailUrl || tags === null || typeof w.playback_ready !== 'boolean') return null;
  return {
    episodeId,
    showId,
    title: str(w.title) ?? '',
    summary: str(w.summary) ?? '',
    ageBand,
    durationMs: Number.isInteger(w.duration_ms) ? (w.duration_ms as number) : 0,
    learningTags: tags,
    playbackReady: w.playback_ready,
    published: w.published !== false,
    thumbnailUrl,
    publishedAt: str(w.published_at_iso),
  };
}

/**
 * {@link CatalogSource} over catalog's `GET /internal/catalog/episodes?age_band&limit&cursor`
 * (`{episodes|items: [...], next_cursor}`). Connection failures, timeouts, 5xx and any answer
 * but 200 become 503 `catalog_unavailable`.
 */
export class HttpCatalogSource extends CatalogSource {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async page(request: CatalogPageRequest): Promise<CatalogPage> {
    let res: { status: number; body: unknown };
    try {
      res = await this.client.call('catalog', {
        method: 'GET',
        path: '/internal/catalog/episodes',
        query: { age_band: request.ageBand, limit: String(request.limit), cursor: request.cursor },
      });
    } catch (error) {
      if (error instanceof ServiceUnavailableError)
        throw new CatalogUnavailableError(String((error.details as { reason?: string } | undefined)?.reason ?? 'unavailable'));
      throw error;
    }
    const body = (res.body ?? {}) as { episodes?: unknown; items?: unknown; next_cursor?: unknown };
    const rows = Array.isArray(body.episodes) ? body.episodes : Array.isArray(body.items) ? body.items : null;
    if (res.status !== 200 || rows === null) throw new CatalogUnavailableError(`catalog answered ${res.status}`);
    return {
      episodes: rows
        .map((row) => (typeof row === 'object' && row !== null ? toEpisode(row as Wire) : null))
        .filter((e): e is CatalogEpisode => e !== null),
      nextCursor: str(body.next_cursor),
    };
  }
}
