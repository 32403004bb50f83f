import type { Episode, EpisodeQuery, NewEpisode } from './episode';

/** Port: where episodes live. Adapters: memory, Postgres (plain SQL). */
export abstract class EpisodesRepository {
  /** Stores the episode and returns it with its id and creation time. */
  abstract create(episode: NewEpisode): Promise<Episode>;
  /** The episode with this id in the tenant, or `null` (also for an id that is not a UUID). */
  abstract find(tenantId: string, id: string): Promise<Episode | null>;
  /** Newest first, within one tenant. */
  abstract list(query: EpisodeQuery): Promise<Episode[]>;
}
