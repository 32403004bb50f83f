import { uuidv7 } from 'uuidv7';
import type { Episode, EpisodeQuery, NewEpisode } from '../episode';
import { EpisodesRepository } from '../episodes.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryEpisodesRepository extends EpisodesRepository {
  private readonly rows = new Map<string, Episode>();

  async create(episode: NewEpisode): Promise<Episode> {
    const stored: Episode = { id: uuidv7(), tenantId: episode.tenantId, name: episode.name, createdAt: new Date().toISOString() };
    this.rows.set(stored.id, stored);
    return { ...stored };
  }

  async find(tenantId: string, id: string): Promise<Episode | null> {
    const found = this.rows.get(id.toLowerCase());
    return found && found.tenantId === tenantId ? { ...found } : null;
  }

  async list(query: EpisodeQuery): Promise<Episode[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === query.tenantId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .slice(0, query.limit)
      .map((row) => ({ ...row }));
  }
}
