import type { Episode, EpisodeInput, EpisodeListQuery, UpsertResult } from './episode';

/** Port: where episodes live (one catalog for every tenant). Adapters: memory, Postgres (plain SQL). */
export abstract class EpisodesRepository {
  /** Inserts or replaces the episode with this `episodeId`; the same input again changes nothing. */
  abstract upsert(input: EpisodeInput): Promise<UpsertResult>;
  /** The episode with this id, published or not, or `null`. */
  abstract find(episodeId: string): Promise<Episode | null>;
  /** Published episodes, newest first, at most `limit`, after the cursor when given. */
  abstract listPublished(query: EpisodeListQuery): Promise<Episode[]>;
}
