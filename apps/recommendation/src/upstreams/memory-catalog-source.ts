import { CatalogSource, type CatalogEpisode, type CatalogPage, type CatalogPageRequest } from './catalog-source';
import { CatalogUnavailableError } from './upstream.errors';

const newestFirst = (a: CatalogEpisode, b: CatalogEpisode): number =>
  (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.episodeId.localeCompare(a.episodeId);

/**
 * In-process {@link CatalogSource} for tests and dev:local. It hands out everything it holds,
 * unpublished and not playback-ready episodes too, so tests prove the policy's own checks;
 * `down = true` makes it answer like a catalog that cannot be reached.
 */
export class MemoryCatalogSource extends CatalogSource {
  /** When true, every call throws {@link CatalogUnavailableError}. */
  down = false;
  /** How many pages were served (tests read it to see the cache at work). */
  calls = 0;
  private episodes: CatalogEpisode[] = [];

  /** Replaces the whole catalog (copies). */
  replace(episodes: CatalogEpisode[]): void {
    this.episodes = episodes.map((e) => ({ ...e, learningTags: [...e.learningTags] }));
  }

  /** Adds or replaces one episode. */
  upsert(episode: CatalogEpisode): void {
    this.replace([...this.episodes.filter((e) => e.episodeId !== episode.episodeId), episode]);
  }

  async page(request: CatalogPageRequest): Promise<CatalogPage> {
    if (this.down) throw new CatalogUnavailableError('catalog is down');
    this.calls += 1;
    const matching = this.episodes.filter((e) => e.ageBand === request.ageBand).sort(newestFirst);
    const start = request.cursor ? Number(request.cursor) : 0;
    const slice = matching.slice(start, start + request.limit).map((e) => ({ ...e, learningTags: [...e.learningTags] }));
    const next = start + request.limit;
    return { episodes: slice, nextCursor: next < matching.length ? String(next) : null };
  }
}
