import { EpisodeDurations, type EpisodeFacts } from './episode-durations';

/** Episodes held in the process, for tests and dev:local: unknown until {@link set}. */
export class MemoryEpisodeDurations extends EpisodeDurations {
  private readonly episodes = new Map<string, EpisodeFacts>();

  /** Makes `episodeId` known with this duration and tags. */
  set(episodeId: string, durationMs: number, learningTags: string[] = []): this {
    this.episodes.set(episodeId, { durationMs, learningTags: [...learningTags] });
    return this;
  }

  async find(episodeId: string): Promise<EpisodeFacts | null> {
    const found = this.episodes.get(episodeId);
    return found ? { durationMs: found.durationMs, learningTags: [...found.learningTags] } : null;
  }
}
