import { Injectable } from '@nestjs/common';
import { allowedBands, allows, type ChildPolicy } from '../policy/child-policy';
import { CatalogSource, type CatalogEpisode } from '../upstreams/catalog-source';

/** Page size of one catalog call (catalog's largest page). */
const PAGE = 100;
/** Pages read per band: at most 500 newest episodes of a band are candidates. */
const MAX_PAGES = 5;

/**
 * The one policy-filtered candidate query: every rail item comes from here. It reads only the
 * bands the policy allows (never the request's mode), then keeps what {@link allows} keeps.
 * Catalog down → `CatalogUnavailableError` (there is no unfiltered fallback).
 */
@Injectable()
export class CandidateQuery {
  constructor(private readonly catalog: CatalogSource) {}

  /** The child's candidates, newest first, each episode once. */
  async candidates(policy: ChildPolicy, now: Date = new Date()): Promise<CatalogEpisode[]> {
    const pages = await Promise.all(allowedBands(policy).map((band) => this.band(band)));
    const unique = new Map<string, CatalogEpisode>();
    for (const episode of pages.flat())
      if (allows(policy, episode, now) && !unique.has(episode.episodeId)) unique.set(episode.episodeId, episode);
    return [...unique.values()].sort(
      (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.episodeId.localeCompare(a.episodeId),
    );
  }

  private async band(ageBand: ChildPolicy['ceiling']): Promise<CatalogEpisode[]> {
    const episodes: CatalogEpisode[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await this.catalog.page({ ageBand, limit: PAGE, cursor });
      episodes.push(...answer.episodes);
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    return episodes;
  }
}
