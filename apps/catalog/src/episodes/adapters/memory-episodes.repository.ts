import { ageBandRank } from '../age-band';
import { sameEpisode, type Episode, type EpisodeInput, type EpisodeListQuery, type UpsertResult } from '../episode';
import { EpisodesRepository } from '../episodes.repository';

const copy = (e: Episode): Episode => ({ ...e, learningTags: [...e.learningTags], renditions: e.renditions.map((r) => ({ ...r })) });
const instant = (iso: string | null): string | null => (iso === null ? null : new Date(iso).toISOString());

type Position = { publishedAt: string | null; episodeId: string };
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first: `publishedAt` desc, then `episodeId` desc by code unit (the keyset order of both adapters). */
function newerFirst(a: Position, b: Position): number {
  return byCodeUnit(b.publishedAt ?? '', a.publishedAt ?? '') || byCodeUnit(b.episodeId, a.episodeId);
}

/** In-process store for dev:local and tests; same contract as the Postgres adapter. */
export class MemoryEpisodesRepository extends EpisodesRepository {
  private readonly rows = new Map<string, Episode>();

  async upsert(input: EpisodeInput): Promise<UpsertResult> {
    const existing = this.rows.get(input.episodeId);
    if (existing && sameEpisode(existing, input)) return { episode: copy(existing), created: false, changed: false };
    const stored: Episode = copy({ ...input, publishedAt: instant(input.publishedAt), updatedAt: new Date().toISOString() });
    this.rows.set(input.episodeId, stored);
    return { episode: copy(stored), created: !existing, changed: true };
  }

  async find(episodeId: string): Promise<Episode | null> {
    const found = this.rows.get(episodeId);
    return found ? copy(found) : null;
  }

  async listPublished(query: EpisodeListQuery): Promise<Episode[]> {
    const after = query.after;
    return [...this.rows.values()]
      .filter((e) => e.publishedAt !== null)
      .filter((e) => !query.ageBand || e.ageBand === query.ageBand)
      .filter((e) => !query.maxAgeBand || ageBandRank(e.ageBand) <= ageBandRank(query.maxAgeBand))
      .sort(newerFirst)
      .filter((e) => !after || newerFirst(after, e) < 0)
      .slice(0, query.limit)
      .map(copy);
  }
}
