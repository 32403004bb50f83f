import type { AgeBand } from '../policy/age-band';

/** One published catalog episode as recommendation reads it (catalog's episode fields). */
export interface CatalogEpisode {
  episodeId: string;
  showId: string;
  title: string;
  summary: string;
  /** As catalog sent it; the policy drops anything that is not a known band. */
  ageBand: string;
  durationMs: number;
  learningTags: string[];
  playbackReady: boolean;
  /** `false` only when catalog says so; the listing serves published episodes. */
  published: boolean;
  thumbnailUrl: string;
  /** ISO 8601; `null` for an unpublished episode. */
  publishedAt: string | null;
}

/** One keyset page of the catalog listing, newest first. */
export interface CatalogPage {
  episodes: CatalogEpisode[];
  nextCursor: string | null;
}

/** What one listing call asks for. */
export interface CatalogPageRequest {
  ageBand: AgeBand;
  limit: number;
  cursor?: string;
}

/**
 * Port: catalog's published episodes (`GET /internal/catalog/episodes?age_band&limit&cursor`).
 * Adapters: {@link HttpCatalogSource} (ServiceClient) and {@link MemoryCatalogSource} (tests).
 * Throws {@link CatalogUnavailableError} when catalog cannot answer.
 */
export abstract class CatalogSource {
  /** One page of published episodes of `ageBand`, newest first. */
  abstract page(request: CatalogPageRequest): Promise<CatalogPage>;
}
