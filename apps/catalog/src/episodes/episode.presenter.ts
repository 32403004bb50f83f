import type { Episode as EpisodeBody } from '@mikasmissions/contracts-api';
import type { Episode } from './episode';

/** The internal answer: the public fields plus the published state, for service callers. */
export type InternalEpisodeBody = Omit<EpisodeBody, 'published_at_iso'> & {
  published_at_iso: string | null;
  published: boolean;
  updated_at_iso: string;
};

const ABSOLUTE = /^https?:\/\//;

/** Turns stored episodes into wire bodies, resolving media store keys against `MEDIA_BASE`. */
export class EpisodePresenter {
  constructor(private readonly mediaBase: string) {}

  /** The public `Episode` of the contract (a published episode). */
  public(episode: Episode): EpisodeBody {
    return { ...this.fields(episode), published_at_iso: episode.publishedAt ?? episode.updatedAt };
  }

  /** The internal body: every public field, `published_at_iso` null while unpublished, `published`, `updated_at_iso`. */
  internal(episode: Episode): InternalEpisodeBody {
    return {
      ...this.fields(episode),
      published_at_iso: episode.publishedAt,
      published: episode.publishedAt !== null,
      updated_at_iso: episode.updatedAt,
    };
  }

  private fields(episode: Episode): Omit<EpisodeBody, 'published_at_iso'> {
    return {
      episode_id: episode.episodeId,
      show_id: episode.showId,
      title: episode.title,
      summary: episode.summary,
      age_band: episode.ageBand,
      duration_ms: episode.durationMs,
      learning_tags: [...episode.learningTags],
      playback_ready: episode.playbackReady,
      thumbnail_url: this.url(episode.thumbnail),
      renditions: episode.renditions.map((r) => ({ profile: r.profile, url: this.url(r.storageKey), storage_key: r.storageKey })),
    };
  }

  private url(keyOrUrl: string): string {
    return ABSOLUTE.test(keyOrUrl) ? keyOrUrl : `${this.mediaBase}/${keyOrUrl.replace(/^\/+/, '')}`;
  }
}
