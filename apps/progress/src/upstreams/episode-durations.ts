/** What progress needs to know of an episode. */
export interface EpisodeFacts {
  durationMs: number;
  learningTags: string[];
}

/**
 * Port: an episode's duration (and learning tags) from the catalog
 * (`GET /internal/catalog/episodes/{id}`). `null` for an episode the catalog does not know;
 * a catalog that cannot answer throws (503). Adapters: over ServiceClient, memory.
 */
export abstract class EpisodeDurations {
  /** The episode's facts, or `null` when it does not exist. */
  abstract find(episodeId: string): Promise<EpisodeFacts | null>;
}
